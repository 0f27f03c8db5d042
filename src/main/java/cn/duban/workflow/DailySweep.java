package cn.duban.workflow;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.duban.notify.Messages;
import cn.duban.notify.Notifications;
import cn.duban.notify.Outbox;
import cn.duban.org.Role;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.Requirement;
import cn.duban.rules.CalendarWarning;
import cn.duban.rules.Colour;
import cn.duban.rules.DayFacts;
import cn.duban.rules.Escalate;
import cn.duban.rules.Periods;
import cn.duban.rules.PolicyFiles;
import cn.duban.rules.Remind;
import cn.duban.rules.RuleBase;
import cn.duban.rules.Waiting;
import cn.duban.rules.WorkCalendar;
import cn.duban.security.AuditLog;
import cn.duban.workflow.ItemHistory.Action;

/**
 * The daily sweep (每日督办巡检): the rules look at every unit's open work on one day and decide reminders,
 * escalations and colours, which are carried out here: a reminder becomes a notification and, with the unit's other
 * reminders of the day, one digest in the outbox; an escalation raises the item's level, notifies the unit and the
 * supervisors at once and opens a 督办 task through the item's process. Each item's escalation is carried out in a
 * savepoint of its own: one that fails (its process instance suspended, say) is undone and recorded, and the rest of
 * the day goes ahead. Running it twice for a day adds nothing, and sweeps on several nodes at once run one after the
 * other.
 */
@Service
public class DailySweep {

    /**
     * {@code failures}: the items whose escalation could not be carried out; the rest of the day went ahead, and the
     * next sweep tries them again. {@code calendarWarning}: years without holiday data, as of today and for the day
     * swept (null when none). {@code remindersByKind}, {@code escalationsByLevel}: the new reminders by kind and the
     * escalations by the level reached (SweepMetrics counts them).
     */
    public record Result(LocalDate date, boolean workingDay, int reminders, int escalations, List<Failure> failures,
                         String calendarWarning, Map<String, Integer> remindersByKind, Map<Integer, Integer> escalationsByLevel) {}

    /** An item the sweep could not escalate, and why. */
    public record Failure(long itemId, String number, String error) {}

    private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

    /**
     * An open task with what the facts need of its item and plan: a unit's EXECUTE task (办理, or the lead unit's
     * 牵头汇总: BPMN task "consolidate"; or a child unit's sub-task, due on its own date), or a task of the office's,
     * the supervisors' or a parent unit's queue (SUB_REVIEW), whose {@code unit} is
     * then the audience that holds it ({@link Step#audience}); the day it opened and whether its unit signed for it.
     * The deadline's due is the unit's: the new date of its approved 延期, if any ({@link Extensions#DUE}).
     */
    private record Open(long itemId, String number, String text, String unit, Deadline deadline, String requirements,
                        int returns, int level, LocalDate issuedOn, int year, String processInstanceId,
                        boolean consolidating, Step step, LocalDate openedOn, boolean signed) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Messages messages;
    private final PlanStore plans;
    private final ItemHistory history;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final PolicyFiles policy;
    private final CalendarWarning calendarWarning;
    private final SweepFailures failures;
    private final TransactionTemplate savepoint;

    public DailySweep(JdbcClient jdbc, JdbcTemplate batch, RuleBase rules, WorkCalendar calendar, Notifications notifications,
                      Outbox outbox, Messages messages, PlanStore plans, ItemHistory history, RuntimeService runtime,
                      AuditLog audit, PolicyFiles policy, CalendarWarning calendarWarning, SweepFailures failures,
                      PlatformTransactionManager transactions) {
        this.calendarWarning = calendarWarning;
        this.failures = failures;
        // each item's escalation in a savepoint of the sweep's transaction: one that fails is undone alone
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.policy = policy;
        this.audit = audit;
        this.jdbc = jdbc;
        this.batch = batch;
        this.rules = rules;
        this.calendar = calendar;
        this.notifications = notifications;
        this.outbox = outbox;
        this.messages = messages;
        this.plans = plans;
        this.history = history;
        this.runtime = runtime;
    }

    @Transactional
    public Result run(LocalDate day) {
        policy.pull(); // rules and holidays another node changed a moment ago
        if (!calendar.isWorkingDay(day)) {
            return new Result(day, false, 0, 0, List.of(), calendarWarning.check(day.getYear()), Map.of(), Map.of());
        }
        // one sweep at a time across the cluster; the next one reads what this one committed
        jdbc.sql("select id from sweep_lock where id = 1 for update").query(Integer.class).single();
        Map<String, Open> byUnit = new HashMap<>();
        RuleBase.Outcome outcome = evaluate(day, null, byUnit);
        List<Notifications.Draft> reminders = new ArrayList<>();
        for (Remind r : outcome.reminders()) {
            Open o = byUnit.get(key(r.itemId(), r.unit()));
            String message = "【" + cn.duban.system.Words.chinese("remind", r.kind()) + "】" + messages.item(r.itemId(), r.itemNumber(),
                    o.text(), o.deadline().due(), day);
            reminders.add(new Notifications.Draft("remind:" + r.itemId() + ":" + r.unit() + ":" + r.kind() + ":" + day,
                    r.itemId(), r.unit(), r.kind(), day, message));
        }
        Map<String, Integer> reminded = new TreeMap<>();
        List<Notifications.Draft> fresh = notifications.unrecorded(reminders);
        fresh.forEach(r -> reminded.merge(r.kind(), 1, Integer::sum));
        notifications.addAll(outbox.digest(day, fresh), ItemHistory.SYSTEM);
        Map<Integer, Integer> escalations = new TreeMap<>();
        List<Failure> failed = new ArrayList<>();
        java.util.Set<Long> failing = failures.openItems();
        Map<Long, List<Escalate>> escalated = new TreeMap<>();
        outcome.escalations().forEach(e -> escalated.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(e));
        for (List<Escalate> ofItem : escalated.values()) {
            int level = ofItem.stream().mapToInt(Escalate::level).max().orElseThrow();
            Open o = byUnit.get(key(ofItem.get(0).itemId(), ofItem.get(0).unit()));
            if (level > o.level()) {
                // every unit the rules escalate to the item's new level hears of it, in unit order (one reason each)
                Map<String, Escalate> units = new TreeMap<>();
                ofItem.stream().filter(e -> e.level() == level)
                        .forEach(e -> units.merge(e.unit(), e, (x, y) -> x.reason().compareTo(y.reason()) <= 0 ? x : y));
                try {
                    savepoint.executeWithoutResult(status -> {
                        escalate(level, List.copyOf(units.values()), o, byUnit, day);
                        if (failing.contains(o.itemId())) {
                            failures.resolve(o.itemId(), day);
                        }
                    });
                    escalations.merge(level, 1, Integer::sum);
                } catch (RuntimeException e) {
                    failed.add(failed(o, level, day, e));
                }
            }
        }
        colour(outcome.colours(), null);
        Result result = new Result(day, true, sum(reminded), sum(escalations), List.copyOf(failed),
                calendarWarning.check(day.getYear()), reminded, escalations);
        audit.record("SWEEP_RUN", "sweep:" + day, null, result);
        return result;
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The colours of some open items as today's rules give them, without the sweep's reminders and escalations: an
     * item takes its first colour when its plan is launched, and a new one when its unit reports or its report is
     * reviewed, instead of waiting for the next morning's sweep.
     */
    @Transactional
    public void colourItem(long itemId, LocalDate day) {
        colour(new Scope("select id from item where id = :scope", itemId), day);
    }

    /** {@link #colourItem} for every item of a plan, as it is launched. */
    @Transactional
    public void colourPlan(long planId, LocalDate day) {
        colour(new Scope("select id from item where plan_id = :scope", planId), day);
    }

    private void colour(Scope items, LocalDate day) {
        colour(evaluate(day, items, new HashMap<>()).colours(), items);
    }

    /** The items a query reads: the ids {@code sql} selects, given {@code value} as its parameter :scope. */
    private record Scope(String sql, long value) {}

    /**
     * The rules on the open work of a day, of every item or of {@code items} only; {@code byUnit} gets each unit's
     * open work.
     */
    private RuleBase.Outcome evaluate(LocalDate day, Scope items, Map<String, Open> byUnit) {
        return rules.evaluate(facts(day, items, byUnit));
    }

    /** The facts the rules are given on a day, as the sweep builds them (the benchmark's floor evaluates them bare). */
    @Transactional(readOnly = true)
    public List<Object> facts(LocalDate day) {
        return facts(day, null, new HashMap<>());
    }

    private List<Object> facts(LocalDate day, Scope items, Map<String, Open> byUnit) {
        Map<String, List<DayFacts.Report>> reports = reports(day, items);
        List<DayFacts.UnitWork> work = new ArrayList<>();
        List<Waiting> queue = new ArrayList<>();
        for (Open o : openWork(items)) {
            if (o.step() != Step.EXECUTE) {
                // a parent unit's review of its child's part is its queue; the unit's own work keeps the key
                byUnit.putIfAbsent(key(o.itemId(), o.unit()), o);
                queue.add(DayFacts.waiting(o.itemId(), o.number(), o.step().name(), o.unit(), o.openedOn(), day, calendar));
                continue;
            }
            byUnit.put(key(o.itemId(), o.unit()), o);
            work.add(new DayFacts.UnitWork(o.itemId(), o.number(), o.unit(), Periods.ofItem(o.deadline(), o.issuedOn(), o.year()),
                    Periods.start(o.issuedOn(), o.year()), o.year(), Requirement.parse(o.requirements()),
                    reports.getOrDefault(o.itemId() + "|" + o.unit(), List.of()), o.returns(), o.level(), o.consolidating(),
                    o.signed() ? null : o.openedOn()));
        }
        List<Object> facts = DayFacts.of(day, work, sent(day, items), calendar);
        facts.addAll(queue);
        return facts;
    }

    /** Only the rows of {@code items}, when given: a condition to add to a query on {@code column}. */
    private static String only(Scope items, String column) {
        return items == null ? "" : " and " + column + " in (" + items.sql() + ")";
    }

    private static JdbcClient.StatementSpec with(JdbcClient.StatementSpec query, Scope items) {
        return items == null ? query : query.param("scope", items.value());
    }

    /**
     * The item's escalation could not be carried out (its writes are undone, its level stays, so the next sweep's
     * rules escalate it again): logged, audited and listed for the office.
     */
    private Failure failed(Open o, int level, LocalDate day, RuntimeException e) {
        String error = "未能升级至" + levelName(level) + ": " + e.getMessage();
        error = error.length() > 2000 ? error.substring(0, 2000) : error;
        log.warn("Sweep of {}: item {} (第{}项) not escalated to level {}: {}", day, o.itemId(), o.number(), level, e.toString());
        failures.record(o.itemId(), day, error);
        audit.record("SWEEP_ITEM_FAILED", "item:" + o.itemId(), null, Map.of("date", day.toString(), "level", level, "error", error));
        return new Failure(o.itemId(), o.number(), error);
    }

    /** An open work's key: its item and the unit (or audience) holding it, whose due it has. */
    private static String key(long itemId, String unit) {
        return itemId + "|" + unit;
    }

    /**
     * Raises the item to {@code level}: each unit and the supervisors are told (each unit of its own due,
     * {@code byUnit}), and one 督办 task opens.
     */
    private void escalate(int level, List<Escalate> units, Open o, Map<String, Open> byUnit, LocalDate day) {
        Escalate first = units.get(0);
        plans.setEscalationLevel(first.itemId(), level);
        String name = levelName(level);
        String key = "escalation:" + first.itemId() + ":" + level + ":" + day;
        String about = messages.item(first.itemId(), first.itemNumber(), o.text(), o.deadline().due(), day);
        for (Escalate e : units) {
            jdbc.sql("insert into escalation (item_id, level, unit_code, reason, on_date, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(e.itemId(), level, e.unit(), e.reason(), Date.valueOf(day), Timestamp.from(Instant.now())).update();
            history.record(e.itemId(), ItemHistory.SYSTEM, Step.SUPERVISE, Action.ESCALATED, e.unit(), name + ": " + e.reason());
            String message = "【" + name + "】" + messages.item(e.itemId(), e.itemNumber(), o.text(),
                    byUnit.get(key(e.itemId(), e.unit())).deadline().due(), day) + "。原因: " + e.reason();
            if (!Role.SUPERVISOR.name().equals(e.unit())) { // the supervisors' own queue: their notice below says it
                notifications.addOnce(key + ":" + e.unit(), e.itemId(), e.unit(), "ESCALATED", day, message, null,
                        ItemHistory.SYSTEM);
            }
            if (!inQueue(e)) {
                outbox.send(e.unit(), key + ":" + e.unit(), "【" + name + "】第" + e.itemNumber() + "项", message);
            }
        }
        notifications.addOnce(key + ":supervisor", first.itemId(), Role.SUPERVISOR.name(), "ESCALATED", day,
                messages.escalation(name, about, units.stream().map(Escalate::unit).toList(), first.reason()), null,
                ItemHistory.SYSTEM);
        if (units.stream().allMatch(DailySweep::inQueue)) {
            return; // the office's or the supervisors' own queue: they are told; a 督办 task would go to the supervisors
        }
        // a command context of its own, inside the daily-sweep job too: a correlation that fails leaves nothing behind
        // in the job's context to be flushed with it, and what it wrote goes back with the item's savepoint
        ProcessEngineContext.requiresNew();
        try {
            runtime.createMessageCorrelation("escalate").processInstanceId(o.processInstanceId())
                    .setVariablesLocal(Map.of("unit", first.unit(), "level", level, "reason", first.reason()))
                    .correlateWithResult();
        } finally {
            ProcessEngineContext.clear();
        }
    }

    /**
     * Each open item (of {@code items}, when given) takes the highest colour of the day; items with none lose theirs.
     * Only the items whose colour changes are written, in one batch.
     */
    private void colour(List<Colour> colours, Scope items) {
        Map<Long, Colour.Shade> shades = new HashMap<>();
        colours.forEach(c -> shades.merge(c.itemId(), c.shade(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
        Map<Long, String> now = new HashMap<>();
        with(jdbc.sql("select id, colour from item where status = 'OPEN' and colour is not null" + only(items, "id")), items)
                .query((rs, i) -> now.put(rs.getLong(1), rs.getString(2))).list();
        List<Object[]> changes = new ArrayList<>(); // (new colour or null, item)
        now.forEach((item, colour) -> {
            if (!shades.containsKey(item)) {
                changes.add(new Object[] {null, item});
            }
        });
        shades.forEach((item, shade) -> {
            if (!shade.name().equals(now.get(item))) {
                changes.add(new Object[] {shade.name(), item});
            }
        });
        batch.batchUpdate("update item set colour = ? where id = ?", changes);
    }

    /** An escalation of a task in the office's or the supervisors' queue (held by a role, not a unit). */
    private static boolean inQueue(Escalate e) {
        return Role.ADMIN.name().equals(e.unit()) || Role.SUPERVISOR.name().equals(e.unit());
    }

    private static String levelName(int level) {
        return LEVELS[Math.min(level, LEVELS.length - 1)];
    }

    private static final String[] LEVELS = {"", "一级督办 (单位负责人)", "二级督办 (分管领导)", "三级督办 (通报)"};

    private List<Open> openWork(Scope items) {
        return with(jdbc.sql("select t.item_id, i.number, i.text, t.unit_code, i.deadline_kind, " + Extensions.DUE + ", i.frequency, i.deadline_text, "
                        + "i.requirements, i.return_count, i.escalation_level, p.issued_on, p.plan_year, i.process_instance_id, t.task_key, "
                        + "t.step, t.opened_on, t.signed_by, pt.due, t.reviewer_code "
                        + "from open_task t join item i on i.id = t.item_id join plan p on p.id = i.plan_id "
                        + "left join item_part pt on pt.id = t.part_id "
                        + "where ((" + UNIT_WORK + ") or t.step in (" + TaskAccess.steps(Step.Holder.OFFICE)
                        + ", " + TaskAccess.steps(Step.Holder.REVIEWERS) + ", " + TaskAccess.steps(Step.Holder.PARENT_UNIT) + "))" + only(items, "t.item_id")
                        + " order by t.item_id, t.created_at"), items)
                .query((rs, i) -> {
                    // dates as LocalDate straight from the driver: no java.sql.Date and its calendar per row
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    String frequency = rs.getString(7);
                    LocalDate issued = rs.getObject(12, LocalDate.class);
                    Step step = Step.valueOf(rs.getString(16));
                    LocalDate partDue = rs.getObject(19, LocalDate.class); // a sub-task (分解): the child unit's work, due on its own date
                    return new Open(rs.getLong(1), rs.getString(2), rs.getString(3), step.audience(rs.getString(4), rs.getString(20)),
                            partDue != null ? new Deadline(Deadline.Kind.DATE, partDue, null, null, List.of())
                                    : new Deadline(Deadline.Kind.valueOf(rs.getString(5)), due,
                                    frequency == null ? null : Deadline.Frequency.valueOf(frequency), rs.getString(8), List.of()),
                            partDue != null ? null : rs.getString(9), // the item's quotas are its units', not the children's
                            rs.getInt(10), rs.getInt(11), issued, rs.getInt(13), rs.getString(14),
                            "consolidate".equals(rs.getString(15)), step, rs.getObject(17, LocalDate.class), rs.getString(18) != null);
                })
                .list();
    }

    /** What the sweep of a day reads from the database, and only that (the benchmark's baseline): rows read. */
    @Transactional(readOnly = true)
    public int read(LocalDate day) {
        return openWork(null).size() + reports(day, null).values().stream().mapToInt(List::size).sum() + sent(day, null).size();
    }

    /** The open tasks of a unit's own work (EXECUTE), as {@code open_task t}. */
    private static final String UNIT_WORK = "t.step = 'EXECUTE' and t.unit_code is not null";

    /**
     * The latest notification of each kind to each unit on each item (of {@code items}, when given), up to the day:
     * only on the items a unit works on now, the only ones whose reminders the rules are shown ({@link DayFacts#of}),
     * not the whole history of the inbox.
     */
    private List<DayFacts.Reminded> sent(LocalDate day, Scope items) {
        return with(jdbc.sql("select item_id, unit_code, kind, max(on_date) from notification where on_date <= :day"
                        + " and item_id in (select t.item_id from open_task t where " + UNIT_WORK + ")"
                        + only(items, "item_id") + " group by item_id, unit_code, kind"), items)
                .param("day", Date.valueOf(day))
                .query((rs, i) -> new DayFacts.Reminded(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Every report handed in up to the day (on {@code items}, when given), by item and unit. */
    private Map<String, List<DayFacts.Report>> reports(LocalDate day, Scope items) {
        Map<String, List<DayFacts.Report>> byUnit = new HashMap<>();
        with(jdbc.sql("select r.item_id, r.unit_code, r.percent, r.decision, r.submitted_at from progress_report r "
                        + "join item i on i.id = r.item_id where i.status = 'OPEN' and r.submitted_at < :before"
                        + only(items, "r.item_id")), items)
                .param("before", Timestamp.valueOf(day.plusDays(1).atStartOfDay()))
                .query((rs, i) -> byUnit.computeIfAbsent(rs.getLong(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                        .add(new DayFacts.Report(rs.getTimestamp(5).toLocalDateTime().toLocalDate(), rs.getInt(3), rs.getString(4))))
                .list();
        return byUnit;
    }
}
