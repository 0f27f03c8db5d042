package cn.duban.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.lookback.LookBack;
import cn.duban.org.OrgDirectory;
import cn.duban.org.Unit;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.CalendarWarning;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.workflow.BatchedStarts;
import cn.duban.workflow.DailySweep;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.Step;

/** Importing a plan document into the ledger, correcting it in the preview, and launching its supervision. */
@Service
public class PlanService {

    public static final String PROCESS = "task-supervision";

    public record ImportResult(long planId, int items, String title, int year, List<String> warnings) {}

    /**
     * {@code lookBackCases}: the 回头看 cases opened against last year's plan of the same organ; {@code calendarWarning}:
     * years without holiday data, as of today and for the plan's year (null when none).
     */
    public record LaunchResult(long planId, int started, int lookBackCases, String calendarWarning) {}

    private final PlanStore store;
    private final RuntimeService runtime;
    private final ItemHistory history;
    private final OrgDirectory directory;
    private final LookBack lookBackService;
    private final AuditLog audit;
    private final CalendarWarning calendarWarning;

    private final DailySweep sweep;
    private final Today today;
    private final BatchedStarts starts;

    public PlanService(PlanStore store, RuntimeService runtime, ItemHistory history, OrgDirectory directory,
                       LookBack lookBackService, AuditLog audit, CalendarWarning calendarWarning, DailySweep sweep,
                       Today today, BatchedStarts starts) {
        this.starts = starts;
        this.sweep = sweep;
        this.today = today;
        this.calendarWarning = calendarWarning;
        this.audit = audit;
        this.store = store;
        this.runtime = runtime;
        this.history = history;
        this.directory = directory;
        this.lookBackService = lookBackService;
    }

    /**
     * Parses and stores a plan as a preview (items in DRAFT), all or nothing; a document without any item is
     * refused (the parser says what it saw). Unit names the directory does not know are warnings.
     */
    @Transactional
    public ImportResult importPlan(byte[] content, String sourceName, Integer year, String user) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.badRequest("年份 (year) 无效: " + year);
        }
        ParsedPlan plan;
        try {
            plan = PlanParser.parse(content, year, directory.names());
        } catch (PlanParseException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        for (ParsedItem item : plan.items()) {
            warnings.addAll(unitWarnings(item.path(), item.namedUnits()));
        }
        long planId = store.insertPlan(plan, sourceName, user, warnings);
        for (Item item : store.items(planId)) {
            history.record(item.id(), user, null, Action.IMPORTED, null, sourceName);
        }
        audit.record("PLAN_IMPORTED", "plan:" + planId, null,
                Map.of("title", String.valueOf(plan.title()), "year", plan.year(), "items", plan.items().size(), "source", String.valueOf(sourceName)));
        return new ImportResult(planId, plan.items().size(), plan.title(), plan.year(), warnings);
    }

    /**
     * Stores the units and due date the ASSIGN step confirms and describes the result; units must be known to the
     * directory, and the item must keep at least one lead or responsible unit.
     */
    public String apply(Item item, ItemEdit edit) {
        return apply(item, edit, true);
    }

    /**
     * Stores an edit and describes the result. {@code strict} (the ASSIGN step): units must be known to the
     * directory and the item must name a lead or responsible unit; otherwise (the preview) unknown names are kept as
     * typed, and an item left without units is confirmed in the ASSIGN step after launch, as an imported one.
     */
    String apply(Item item, ItemEdit edit, boolean strict) {
        java.util.function.Function<List<String>, List<String>> units = strict ? this::known : this::names;
        List<String> lead = edit.leadUnits() == null ? item.leadUnits() : units.apply(edit.leadUnits());
        List<String> responsible = edit.responsibleUnits() == null ? item.responsibleUnits() : units.apply(edit.responsibleUnits());
        List<String> cooperating = edit.cooperatingUnits() == null ? item.cooperatingUnits() : units.apply(edit.cooperatingUnits());
        if (strict && lead.isEmpty() && responsible.isEmpty()) {
            throw ApiException.badRequest("请至少指定一个牵头单位 (leadUnits) 或责任单位 (responsibleUnits)");
        }
        Deadline deadline = deadline(item, edit);
        if (edit.text() != null) {
            if (edit.text().isBlank()) {
                throw ApiException.badRequest("事项内容 (text) 不能为空");
            }
            store.setText(item.id(), edit.text().strip());
        }
        store.replaceUnits(item.id(), lead, responsible, cooperating);
        store.setDeadline(item.id(), deadline);
        return "牵头: " + String.join("、", lead) + "; 责任: " + String.join("、", responsible)
                + (cooperating.isEmpty() ? "" : "; 配合: " + String.join("、", cooperating))
                + "; 时限: " + (deadline.due() == null ? "未定" : deadline.due());
    }

    /**
     * The deadline an edit gives the item: a kind of its own, or a new due date keeping the kind; the deadline as read
     * (its printed phrase) when the edit confirms it unchanged.
     */
    private Deadline deadline(Item item, ItemEdit edit) {
        Deadline d = item.deadline();
        Deadline next = edited(d, item, edit);
        return next.kind() == d.kind() && java.util.Objects.equals(next.due(), d.due())
                && java.util.Objects.equals(next.frequency(), d.frequency()) ? d : next;
    }

    private Deadline edited(Deadline d, Item item, ItemEdit edit) {
        if (edit.deadline() == null) {
            if (edit.frequency() != null) {
                throw ApiException.badRequest("频次 (frequency) 只用于周期性时限 (deadline: RECURRING)");
            }
            if (edit.due() == null) {
                return d;
            }
            Deadline.Kind kind = d.kind() == Deadline.Kind.NONE ? Deadline.Kind.DATE : d.kind();
            return new Deadline(kind, edit.due(), d.frequency(), "确认: " + edit.due(), d.milestones());
        }
        if ((edit.deadline() == Deadline.Kind.RECURRING) != (edit.frequency() != null)) {
            throw ApiException.badRequest("周期性时限须且只须指定频次 (frequency)");
        }
        java.time.LocalDate yearEnd = java.time.LocalDate.of(store.plan(item.planId()).orElseThrow().year(), 12, 31);
        return switch (edit.deadline()) {
            case DATE -> {
                if (edit.due() == null) {
                    throw ApiException.badRequest("请指定完成日期 (due)");
                }
                yield new Deadline(Deadline.Kind.DATE, edit.due(), null, "确认: " + edit.due(), d.milestones());
            }
            case YEAR_END -> new Deadline(Deadline.Kind.YEAR_END, yearEnd, null, "确认: 年底前", d.milestones());
            case ONGOING -> new Deadline(Deadline.Kind.ONGOING, yearEnd, null, "确认: 持续推进", d.milestones());
            case RECURRING -> new Deadline(Deadline.Kind.RECURRING, yearEnd, edit.frequency(),
                    "确认: " + edit.frequency().phrase(), d.milestones());
            case NONE -> {
                if (edit.due() != null) {
                    throw ApiException.badRequest("时限未定 (deadline: NONE) 时不能指定日期 (due)");
                }
                yield new Deadline(Deadline.Kind.NONE, null, null, null, d.milestones());
            }
        };
    }

    /**
     * Starts one supervision process per item, all in one transaction: every item starts or none does. When last
     * year's plan of the same organ is in the system, its look-back (回头看) starts too.
     */
    @Transactional
    public LaunchResult launch(long planId, String user) {
        PlanRecord plan = store.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        try {
            if (!store.claimLaunch(planId)) {
                throw ApiException.conflict("计划已启动: " + planId);
            }
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            throw ApiException.conflict("计划正在由另一请求启动: " + planId);
        }
        List<Item> items = store.items(planId);
        store.reading(items, () -> starts.each(items, item -> supervise(item.id(), user)));
        int lookBack = lookBackService.start(store.plan(planId).orElseThrow());
        sweep.colourPlan(planId, today.date()); // the first colours now, not at the next morning's sweep
        audit.record("PLAN_LAUNCHED", "plan:" + planId, Map.of("status", "IMPORTED"),
                Map.of("status", "LAUNCHED", "started", items.size(), "lookBackCases", lookBack));
        return new LaunchResult(planId, items.size(), lookBack, calendarWarning.check(plan.year()));
    }

    /** Starts the supervision process of one item (the caller's transaction): the item is OPEN from now on. */
    public void supervise(long itemId, String user) {
        history.record(itemId, user, null, Action.LAUNCHED, null, null);
        String instance = runtime.startProcessInstanceByKey(PROCESS, String.valueOf(itemId), Map.of("itemId", itemId)).getId();
        store.launched(itemId, instance);
    }

    /** Unit names for an item: a code becomes its unit's name; names and group names must be known. */
    private List<String> known(List<String> entries) {
        List<String> names = names(entries);
        directory.unknown(names).stream().findFirst().ifPresent(name -> {
            throw ApiException.badRequest("单位未能识别: " + name);
        });
        return names;
    }

    /** Unit names as typed, without repeats: a code becomes its unit's name; a blank entry is refused. */
    private List<String> names(List<String> entries) {
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            String e = entry == null ? "" : entry.strip();
            if (e.isEmpty()) {
                throw ApiException.badRequest("单位名称不能为空");
            }
            String name = directory.unit(e).map(Unit::name).orElse(e);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The import's warning for each unit name of an item the directory does not know. */
    List<String> unitWarnings(List<String> path, List<String> names) {
        return directory.unknown(names).stream()
                .map(name -> "事项 " + String.join("/", path) + ": " + UNKNOWN_UNIT + name).toList();
    }

    /** What an unknown-unit warning says after the item's path. */
    static final String UNKNOWN_UNIT = "单位未能识别: ";
}
