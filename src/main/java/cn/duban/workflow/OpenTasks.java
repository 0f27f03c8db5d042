package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.Periods;
import cn.duban.system.Today;
import cn.duban.system.WriteBatch;

/**
 * The open user tasks of the supervision processes, kept in step with the engine by {@link TaskProjection}
 * in the engine's own transaction, so the task list is one indexed query.
 */
@Repository
public class OpenTasks {

    /**
     * An open task as the engine glue knows it; {@code signedBy}: who signed for it (签收), null while nobody has; a
     * sub-task's ({@code part}, 分解) carries its reviewing unit ({@code reviewer}), else both are null.
     */
    public record OpenTask(String id, long itemId, String taskKey, Step step, String unit, String signedBy, Long part,
                           String reviewer) {

        /** The task as the audit log shows the state before an action on it. */
        public Map<String, Object> audited() {
            Map<String, Object> open = new java.util.LinkedHashMap<>();
            open.put("task", id);
            open.put("step", step);
            open.put("unit", unit);
            if (part != null) {
                open.put("part", part);
                open.put("reviewer", reviewer);
            }
            return open;
        }
    }

    /**
     * An open task as the task list shows it; {@code returned}: work whose last hand-in the reviewer returned. For the
     * work of a recurring or ongoing item, {@code period} is the period the unit owes and {@code due} its end; else
     * {@code period} is null and {@code due} the unit's (the item's, the new date of the unit's approved 延期, or a
     * sub-task's own; {@code reviewer}: the reviewing unit of a sub-task, 分解; else null).
     */
    public record TaskView(String id, long itemId, String itemNumber, String title, long planId, String unit,
                           String unitName, Step step, LocalDate due, String colour, Instant created, boolean returned,
                           Periods.Named period, String signedBy, Instant signedAt, String reviewer) {}

    /** 签收: who signed for a unit's task, and when. */
    public record Signature(String signedBy, Instant signedAt) {}

    private final JdbcClient jdbc;
    private final Today today;

    public OpenTasks(JdbcClient jdbc, Today today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    /**
     * A task opens on the office's today, signed already when {@code signed} is given (the unit signed before); a
     * sub-task's with its part and reviewing unit.
     */
    public void add(String taskId, long itemId, String taskKey, Step step, String unit, Signature signed, Long part,
                    String reviewer) {
        WriteBatch.write(jdbc, "insert into open_task (task_id, item_id, task_key, step, unit_code, created_at, opened_on, signed_by, "
                        + "signed_at, part_id, reviewer_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                taskId, itemId, taskKey, step.name(), unit, Timestamp.from(Instant.now()), today.date(),
                signed == null ? null : signed.signedBy(), signed == null ? null : Timestamp.from(signed.signedAt()), part, reviewer);
    }

    /** Records the signature of a task nobody signed yet; false when someone did. */
    public boolean sign(String taskId, Signature signature) {
        return jdbc.sql("update open_task set signed_by = ?, signed_at = ? where task_id = ? and signed_by is null")
                .params(signature.signedBy(), Timestamp.from(signature.signedAt()), taskId).update() == 1;
    }

    public Optional<Signature> signature(String taskId) {
        return jdbc.sql("select signed_by, signed_at from open_task where task_id = ? and signed_by is not null").param(taskId)
                .query((rs, i) -> new Signature(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /**
     * The unit's latest signature on the item (its trail's last SIGNED): a unit signs for an item once, and the work
     * it is returned or asked again for is signed already. (A bulk start's kept trail, {@link WriteBatch}, holds no
     * signatures: only a unit's clerk signs.)
     */
    public Optional<Signature> signedBefore(long itemId, String unit) {
        return jdbc.sql("select actor, at from item_event where item_id = ? and unit_code = ? and action = 'SIGNED' "
                        + "order by id desc limit 1").params(itemId, unit)
                .query((rs, i) -> new Signature(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    public void remove(String taskId) {
        WriteBatch.send(); // a task that opens and closes in the same bulk work
        jdbc.sql("delete from open_task where task_id = ?").param(taskId).update();
    }

    public Optional<OpenTask> find(String taskId) {
        return jdbc.sql("select task_id, item_id, task_key, step, unit_code, signed_by, part_id, reviewer_code from open_task "
                        + "where task_id = ?")
                .param(taskId)
                .query((rs, i) -> new OpenTask(rs.getString(1), rs.getLong(2), rs.getString(3),
                        Step.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class),
                        rs.getString(8)))
                .optional();
    }

    public List<TaskView> ofItem(long itemId) {
        return query(" where t.item_id = ?", List.of(itemId));
    }

    /** The tasks a user sees ({@link TaskAccess#seen}), optionally narrowed to one plan, step or unit. */
    public List<TaskView> forUser(UserAccount user, Long planId, Step step, String unit) {
        TaskAccess.Condition seen = TaskAccess.seen(user);
        Optional<TaskAccess.Condition> candidates = TaskAccess.candidates(user);
        // a clerk: its tasks' ids first, through the indexes, once, then its tasks by key — an outer join, which the
        // planner keeps in this order (joined as an inner one, H2 began with a scan of item; given back as an IN list
        // of parameters, the ids were checked one after another against every row)
        String tasks = candidates.map(c -> "(" + c.sql() + ") c left join open_task t on t.task_id = c.task_id")
                .orElse("open_task t");
        List<Object> params = new ArrayList<>(candidates.map(TaskAccess.Condition::params).orElse(List.of()));
        params.addAll(seen.params());
        StringBuilder where = new StringBuilder(" where " + seen.sql());
        if (planId != null) {
            where.append(" and i.plan_id = ?");
            params.add(planId);
        }
        if (step != null) {
            where.append(" and t.step = ?");
            params.add(step.name());
        }
        if (unit != null) {
            where.append(" and t.unit_code = ?");
            params.add(unit);
        }
        return query(tasks, where.toString(), params);
    }

    private List<TaskView> query(String where, List<?> params) {
        return query("open_task t", where, params);
    }

    /** The tasks of {@code tasks} (open_task as t, or a table joined to it) that {@code where} chooses, in due order. */
    private List<TaskView> query(String tasks, String where, List<?> params) {
        // Only the start of the text makes the title (see Item.titleOf); dates read as java.time, without the
        // Calendar arithmetic of getDate/getTimestamp (a clerk's list is hundreds of rows, asked for all day).
        return jdbc.sql("select t.task_id, t.item_id, i.number, substring(i.text, 1, " + (Item.TITLE_LENGTH + 1) + "), i.plan_id, "
                        + "t.unit_code, u.name, t.step, " + Extensions.DUE + ", i.colour, t.created_at, "
                        + "case when t.step = 'EXECUTE' then (select r.decision from progress_report r where r.item_id = t.item_id "
                        + "and r.unit_code = t.unit_code and r.kind = 'SUBMISSION' order by r.id desc limit 1) end, "
                        + "i.deadline_kind, i.frequency, p.issued_on, p.plan_year, "
                        + "case when t.step = 'EXECUTE' and t.part_id is null and i.deadline_kind in ('RECURRING', 'ONGOING') then (select count(*) "
                        + "from progress_report r where r.item_id = t.item_id and r.unit_code = t.unit_code and r.decision = 'APPROVE') end, "
                        + "t.signed_by, t.signed_at, t.reviewer_code, pt.due "
                        + "from " + tasks + " join item i on i.id = t.item_id join plan p on p.id = i.plan_id "
                        + "left join unit u on u.code = t.unit_code left join item_part pt on pt.id = t.part_id"
                        + where + " order by i.due nulls last, i.plan_id, i.seq, t.created_at, t.task_id")
                .params(params)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(21) != null ? rs.getObject(21, LocalDate.class) // a sub-task's own
                            : rs.getObject(9, LocalDate.class);
                    Periods.Named named = null;
                    if (rs.getObject(17) != null) { // a unit's work on a recurring or ongoing item: the period it owes
                        String frequency = rs.getString(14);
                        Deadline deadline = new Deadline(Deadline.Kind.valueOf(rs.getString(13)), due,
                                frequency == null ? null : Deadline.Frequency.valueOf(frequency), null, List.of());
                        Periods.Period owed = Periods.owed(deadline, rs.getObject(15, LocalDate.class), rs.getInt(16),
                                rs.getInt(17));
                        due = owed.end();
                        named = Periods.name(deadline, owed);
                    }
                    LocalDateTime signedAt = rs.getObject(19, LocalDateTime.class);
                    return new TaskView(rs.getString(1), rs.getLong(2), rs.getString(3), Item.titleOf(rs.getString(4)),
                            rs.getLong(5), rs.getString(6), rs.getString(7), Step.valueOf(rs.getString(8)), due,
                            rs.getString(10), rs.getObject(11, LocalDateTime.class).atZone(ZoneId.systemDefault()).toInstant(),
                            ProgressReports.Decision.RETURN.name().equals(rs.getString(12)), named, rs.getString(18),
                            signedAt == null ? null : signedAt.atZone(ZoneId.systemDefault()).toInstant(), rs.getString(20));
                })
                .list().stream().sorted(java.util.Comparator.comparing(TaskView::due,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList(); // the owed due first
    }

}
