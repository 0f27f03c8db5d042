package cn.duban.workflow;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import cn.duban.notify.Messages;
import cn.duban.notify.Notifications;
import cn.duban.notify.Outbox;
import cn.duban.org.Names;
import cn.duban.org.Role;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.ExtensionRequest;
import cn.duban.rules.RuleBase;
import cn.duban.rules.WorkCalendar;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/**
 * 延期申请: a unit asks for a later due date for its own part of an item, with a reason; the decision table
 * rules/extension.drl.csv refuses what goes beyond the office's limits, and the rest opens a 延期审批 (EXTEND) task for
 * the supervisors through the item's process. Once approved, the unit's due date is the new one: its effective due is
 * the new date of its latest approved extension, else the item's ({@link #DUE}).
 */
@Service
public class Extensions {

    /** The longest reason or decision comment kept. */
    public static final int MAX_TEXT = 4000;

    public enum Status { PENDING, APPROVED, REJECTED }

    /** A unit's request: the due it had, the date it asked for, why, and how it was decided. */
    public record Extension(long id, long itemId, String unit, LocalDate originalDue, LocalDate newDue, String reason,
                            Status status, String askedBy, Instant askedAt, String decidedBy, Instant decidedAt,
                            String comment) {}

    /**
     * The unit's effective due as SQL over {@code item i} and a unit code column {@code t.unit_code}: the new date of
     * its latest approved extension, else the item's due date.
     */
    static final String DUE = "coalesce((select e.new_due from extension e where e.item_id = i.id and e.unit_code = t.unit_code "
            + "and e.status = 'APPROVED' order by e.id desc limit 1), i.due)";

    /**
     * An open item of {@code item i} overdue as of a day, as SQL with that day as its three parameters: past its due
     * date with no unit's extension reaching the day, or any unit's open work past that unit's effective due.
     */
    public static final String OVERDUE = "((i.due < ? and not exists (select 1 from extension x where x.item_id = i.id "
            + "and x.status = 'APPROVED' and x.new_due >= ?)) or exists (select 1 from open_task t where t.item_id = i.id "
            + "and t.step = 'EXECUTE' and " + DUE + " < ?))";

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final RuntimeService runtime;
    private final ItemHistory history;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Messages messages;
    private final Today today;
    private final Names names;

    public Extensions(JdbcClient jdbc, PlanStore plans, RuleBase rules, WorkCalendar calendar, RuntimeService runtime,
                      ItemHistory history, AuditLog audit, Notifications notifications, Outbox outbox, Messages messages,
                      Today today, Names names) {
        this.names = names;
        this.notifications = notifications;
        this.outbox = outbox;
        this.messages = messages;
        this.today = today;
        this.jdbc = jdbc;
        this.plans = plans;
        this.rules = rules;
        this.calendar = calendar;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
    }

    /**
     * The unit of the task asks for {@code due} instead of its current due date: refused (400) without a reason or a
     * later date, (409) for work without one due date, while another request waits, or when the decision table
     * refuses it.
     */
    Extension request(OpenTask task, LocalDate due, String reason, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以申请延期");
        }
        Item item = plans.item(task.itemId()).orElseThrow(() -> ApiException.notFound("事项不存在: " + task.itemId()));
        if (item.deadline().due() == null || item.deadline().kind() == Deadline.Kind.RECURRING
                || item.deadline().kind() == Deadline.Kind.ONGOING) {
            throw ApiException.conflict("该事项没有单一的完成期限, 不能申请延期");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.badRequest("请填写延期理由 (reason)");
        }
        if (why.length() > MAX_TEXT) {
            throw ApiException.badRequest("延期理由 (reason) 过长 (最多 " + MAX_TEXT + " 字)");
        }
        LocalDate current = due(item, task.unit());
        if (due == null || !due.isAfter(current)) {
            throw ApiException.badRequest("新期限 (due) 须晚于现期限 " + current);
        }
        if (due.isBefore(today.date())) {
            throw ApiException.badRequest("新期限 (due) 不得早于今天 " + today.date());
        }
        List<Extension> before = of(item.id()).stream().filter(e -> e.unit().equals(task.unit())).toList();
        if (before.stream().anyMatch(e -> e.status() == Status.PENDING)) {
            throw ApiException.conflict("本单位的延期申请正在审批中");
        }
        ExtensionRequest asked = new ExtensionRequest(item.id(), task.unit(),
                (int) before.stream().filter(e -> e.status() == Status.APPROVED).count(),
                calendar.workingDaysBetween(current, due));
        rules.fire(List.of(asked), ExtensionRequest.class);
        if (!asked.refusals().isEmpty()) {
            throw ApiException.conflict("延期申请不予受理: " + String.join("; ", asked.refusals()));
        }
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into extension (item_id, unit_code, original_due, new_due, reason, status, asked_by, asked_at, "
                            + "pending_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(item.id(), task.unit(), Date.valueOf(current), Date.valueOf(due), why, Status.PENDING.name(),
                            user.username(), Timestamp.from(Instant.now()), item.id() + ":" + task.unit())
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("本单位的延期申请正在审批中"); // another request of the unit's came in a moment ago
        }
        long id = key.getKey().longValue();
        history.record(item.id(), user.username(), Step.EXECUTE, Action.EXTENSION_REQUESTED, task.unit(),
                current + " → " + due + ": " + why);
        runtime.createMessageCorrelation("extend").processInstanceId(item.processInstanceId())
                .setVariablesLocal(Map.of("unit", task.unit())).correlateWithResult();
        Extension stored = find(id).orElseThrow();
        audit.record("EXTENSION_REQUESTED", "item:" + item.id(), null, stored);
        notifications.addOnce("extension:" + id + ":asked", item.id(), Role.SUPERVISOR.name(), "EXTENSION", today.date(),
                "【延期申请】" + names.unitInChinese(task.unit()) + " 申请将 " + about(item) + " 的期限由 " + current + " 延至 " + due
                        + "。理由: " + why, null, user.username());
        return stored;
    }

    /** The supervisor's decision on the unit's waiting request; the unit's due moves when it is approved. */
    Extension decide(OpenTask task, boolean approve, String comment, UserAccount user) {
        Extension pending = of(task.itemId()).stream()
                .filter(e -> e.unit().equals(task.unit()) && e.status() == Status.PENDING).findFirst()
                .orElseThrow(() -> ApiException.conflict("没有待审批的延期申请"));
        Status status = approve ? Status.APPROVED : Status.REJECTED;
        jdbc.sql("update extension set status = ?, decided_by = ?, decided_at = ?, comment = ?, pending_key = null where id = ?")
                .params(status.name(), user.username(), Timestamp.from(Instant.now()), comment, pending.id()).update();
        history.record(task.itemId(), user.username(), Step.EXTEND,
                approve ? Action.EXTENSION_APPROVED : Action.EXTENSION_REJECTED, task.unit(),
                pending.originalDue() + " → " + pending.newDue() + (comment == null ? "" : ": " + comment));
        Extension decided = find(pending.id()).orElseThrow();
        audit.record(approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED", "item:" + task.itemId(), pending, decided);
        Item item = plans.item(task.itemId()).orElseThrow();
        String title = approve ? "【批准延期】" : "【不予延期】";
        String key = "extension:" + pending.id() + ":" + decided.status();
        String message = title + user.displayName() + (approve ? " 同意将 " : " 未同意将 ") + about(item) + " 的期限由 "
                + pending.originalDue() + " 延至 " + pending.newDue() + (comment == null ? "" : "。意见: " + comment);
        notifications.addOnce(key, item.id(), task.unit(), "EXTENSION", today.date(), message, null, user.username());
        outbox.send(task.unit(), key, title + "第" + item.number() + "项", message);
        return decided;
    }

    /** The item in a message's words. */
    private String about(Item item) {
        return messages.item(item.id(), item.number(), item.text(), item.deadline().due(), today.date());
    }

    /** The unit's effective due on the item: its latest approved extension's new date, else the item's due. */
    public LocalDate due(Item item, String unit) {
        return of(item.id()).stream().filter(e -> e.unit().equals(unit) && e.status() == Status.APPROVED)
                .reduce((first, second) -> second).map(Extension::newDue).orElse(item.deadline().due());
    }

    /** The item's extension requests, oldest first. */
    public List<Extension> of(long itemId) {
        return jdbc.sql(SELECT + " where item_id = ? order by id").param(itemId).query(Extensions::row).list();
    }

    /** The approved extensions of a plan's items, by item id then unit: the latest one of each unit. */
    public Map<Long, Map<String, Extension>> approved(long planId) {
        Map<Long, Map<String, Extension>> byItem = new LinkedHashMap<>();
        jdbc.sql(SELECT + " where status = 'APPROVED' and item_id in (select id from item where plan_id = ?) order by id")
                .param(planId).query(Extensions::row).list()
                .forEach(e -> byItem.computeIfAbsent(e.itemId(), k -> new LinkedHashMap<>()).put(e.unit(), e));
        return byItem;
    }

    /** The item's approved extensions: the latest one of each unit. */
    public Map<String, Extension> approvedOf(long itemId) {
        Map<String, Extension> byUnit = new LinkedHashMap<>();
        of(itemId).stream().filter(e -> e.status() == Status.APPROVED).forEach(e -> byUnit.put(e.unit(), e));
        return byUnit;
    }

    /**
     * The item's due as its open work counts it: the earliest of its units' effective dues (a unit without an approved
     * extension has the item's), so an item is overdue once any unit's date has passed.
     */
    public static LocalDate itemDue(LocalDate due, java.util.Collection<String> units, Map<String, Extension> extended) {
        return due == null ? null : units.stream().map(u -> extended.containsKey(u) ? extended.get(u).newDue() : due)
                .min(LocalDate::compareTo).orElse(due);
    }

    /** The extended dues of an item in words, one a line: "市甲局: 2026-09-30 → 2026-10-31 (延期)". */
    public static String extendedText(Map<String, Extension> extended, java.util.function.Function<String, String> unitName) {
        return String.join("\n", extended.values().stream()
                .map(e -> unitName.apply(e.unit()) + ": " + dates(e.originalDue(), e.newDue())).toList());
    }

    /** An original and an extended due in words: "2026-09-30 → 2026-10-31 (延期)". */
    public static String dates(LocalDate original, LocalDate extended) {
        return original + " → " + extended + " (延期)";
    }

    private Optional<Extension> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Extensions::row).optional();
    }

    private static final String SELECT = "select id, item_id, unit_code, original_due, new_due, reason, status, asked_by, "
            + "asked_at, decided_by, decided_at, comment from extension";

    private static Extension row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new Extension(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getDate(5).toLocalDate(), rs.getString(6), Status.valueOf(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10), decided == null ? null : decided.toInstant(),
                rs.getString(12));
    }
}
