package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.duban.org.OrgDirectory;
import cn.duban.org.Unit;
import cn.duban.org.UserAccount;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/**
 * 分解: a unit splits its work on an item into sub-tasks for its child units (科室), each due on its own date no later
 * than the unit's own; each part runs processes/sub-task.bpmn (the child's 办理, the parent's 审核 SUB_REVIEW), and the
 * parent hands its own work in only once every part is approved.
 */
@Service
public class SubTasks {

    static final int MAX_PARTS = 50;
    static final int MAX_NOTE = 2000;

    /** One part of a split: the child unit, its due date and what the parent asks of it. */
    public record Part(String unit, LocalDate due, String note) {}

    /** A split's body: the parts, one per child unit. */
    public record Split(List<Part> parts) {}

    /** A sub-task as stored: whose part it is, who reviews it, its due date and when it was approved (null while open). */
    public record SubTask(long id, long itemId, String unit, String reviewer, LocalDate due, String note, String createdBy,
                          Instant createdAt, Instant approvedAt) {}

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final OpenTasks openTasks;
    private final RuntimeService runtime;
    private final ItemHistory history;
    private final AuditLog audit;

    public SubTasks(JdbcClient jdbc, OrgDirectory directory, OpenTasks openTasks, RuntimeService runtime,
                    ItemHistory history, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.openTasks = openTasks;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
    }

    /** Splits the unit's open 办理 task among its child units: one sub-task process per part. */
    List<SubTask> split(OpenTask task, Split body, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以分解");
        }
        List<Part> parts = body == null || body.parts() == null ? List.of() : body.parts();
        if (parts.isEmpty() || parts.size() > MAX_PARTS) {
            throw ApiException.badRequest("请列出 1 到 " + MAX_PARTS + " 个子任务 (parts)");
        }
        LocalDate limit = openTasks.ofItem(task.itemId()).stream().filter(t -> t.id().equals(task.id())).findFirst()
                .map(OpenTasks.TaskView::due).orElse(null);
        Set<String> seen = new HashSet<>();
        for (Part p : parts) {
            if (p == null || p.unit() == null || p.unit().isBlank()) {
                throw ApiException.badRequest("子任务须指明承办单位 (unit)");
            }
            Unit child = directory.unit(p.unit().strip()).orElseThrow(() -> ApiException.badRequest("单位不存在: " + p.unit()));
            if (!task.unit().equals(child.parent())) {
                throw ApiException.badRequest("只能分解给本单位的下级单位: " + child.name());
            }
            if (!seen.add(child.code())) {
                throw ApiException.badRequest("同一单位只能分到一个子任务: " + child.name());
            }
            if (p.due() == null) {
                throw ApiException.badRequest("子任务须有完成时限 (due): " + child.name());
            }
            if (limit != null && p.due().isAfter(limit)) {
                throw ApiException.badRequest("子任务的完成时限不能晚于本单位的时限 " + limit + ": " + child.name());
            }
            if (p.note() != null && p.note().length() > MAX_NOTE) {
                throw ApiException.badRequest("子任务说明 (note) 过长 (最多 " + MAX_NOTE + " 字)");
            }
            if (jdbc.sql("select count(*) from item_part where item_id = ? and unit_code = ? and approved_at is null")
                    .params(task.itemId(), child.code()).query(Long.class).single() > 0) {
                throw ApiException.conflict("该单位已有未完成的子任务: " + child.name());
            }
        }
        List<SubTask> made = parts.stream().map(p -> start(task, p, user)).toList();
        audit.record("TASK_SPLIT", "item:" + task.itemId(), task.audited(), made);
        return made;
    }

    private SubTask start(OpenTask task, Part p, UserAccount user) {
        String unit = p.unit().strip();
        String note = p.note() == null || p.note().isBlank() ? null : p.note().strip();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into item_part (item_id, unit_code, reviewer_code, due, note, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(task.itemId(), unit, task.unit(), java.sql.Date.valueOf(p.due()), note, user.username(),
                        Timestamp.from(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        // recorded before the process starts, so the trail reads 分解 before the child's task opens
        history.record(task.itemId(), user.username(), Step.EXECUTE, Action.SPLIT, unit,
                "完成时限 " + p.due() + (note == null ? "" : ": " + note));
        runtime.startProcessInstanceByKey("sub-task", String.valueOf(task.itemId()),
                Map.of("itemId", task.itemId(), "unit", unit, "reviewer", task.unit(), "part", id));
        return new SubTask(id, task.itemId(), unit, task.unit(), p.due(), note, user.username(), now, null);
    }

    /** The parts a unit split its work on the item into that are not approved yet. */
    long pending(long itemId, String reviewer) {
        return jdbc.sql("select count(*) from item_part where item_id = ? and reviewer_code = ? and approved_at is null")
                .params(itemId, reviewer).query(Long.class).single();
    }

    void approve(long part) {
        jdbc.sql("update item_part set approved_at = ? where id = ?").params(Timestamp.from(Instant.now()), part).update();
    }

    /** Every sub-task of the item, in the order they were made. */
    public List<SubTask> of(long itemId) {
        return jdbc.sql("select id, item_id, unit_code, reviewer_code, due, note, created_by, created_at, approved_at "
                        + "from item_part where item_id = ? order by id")
                .param(itemId)
                .query((rs, i) -> new SubTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), instant(rs.getObject(8, LocalDateTime.class)),
                        instant(rs.getObject(9, LocalDateTime.class))))
                .list();
    }

    /** The items on which one of the user's units has a sub-task (a child unit sees the items it works on). */
    Set<Long> itemsOf(UserAccount user) {
        if (user.units().isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct item_id from item_part where unit_code in (" + TaskAccess.marks(user) + ")")
                .params(List.copyOf(user.units())).query(Long.class).list());
    }

    /**
     * The units of the item's sub-tasks the user may not see: a unit user sees its own parts and those its units
     * review, never a sibling's.
     */
    Set<String> hiddenFrom(long itemId, UserAccount user) {
        Set<String> hidden = new HashSet<>();
        if (!user.seesAll()) {
            of(itemId).stream().filter(p -> !user.units().contains(p.unit()) && !user.units().contains(p.reviewer()))
                    .forEach(p -> hidden.add(p.unit()));
        }
        return hidden;
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(ZoneId.systemDefault()).toInstant();
    }
}
