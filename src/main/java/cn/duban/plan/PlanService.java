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

    public PlanService(PlanStore store, RuntimeService runtime, ItemHistory history, OrgDirectory directory,
                       LookBack lookBackService, AuditLog audit, CalendarWarning calendarWarning) {
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
     * refused. Unit names the directory does not know are warnings.
     */
    @Transactional
    public ImportResult importPlan(byte[] content, String sourceName, Integer year, String user) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.badRequest("年份 (year) 无效: " + year);
        }
        ParsedPlan plan;
        try {
            plan = PlanParser.parse(content, year);
        } catch (PlanParseException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (plan.items().isEmpty()) {
            throw ApiException.badRequest("未识别到任何工作任务: 请确认文件是带编号事项的工作要点或分工方案");
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        for (ParsedItem item : plan.items()) {
            for (String name : unitNames(item)) {
                if (directory.resolve(name).isEmpty()) {
                    warnings.add("事项 " + String.join("/", item.path()) + ": 单位未能识别: " + name);
                }
            }
        }
        long planId = store.insertPlan(plan, sourceName, user, warnings);
        for (Item item : store.items(planId)) {
            history.record(item.id(), user, null, Action.IMPORTED, null, sourceName);
        }
        audit.record("PLAN_IMPORTED", "plan:" + planId, null,
                Map.of("title", String.valueOf(plan.title()), "year", plan.year(), "items", plan.items().size(), "source", String.valueOf(sourceName)));
        return new ImportResult(planId, plan.items().size(), plan.title(), plan.year(), warnings);
    }

    /** The office corrects an item of a plan not yet launched. */
    @Transactional
    public Item edit(long itemId, ItemEdit edit, String user) {
        Item item = store.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
        if (item.status() != Item.Status.DRAFT) {
            throw ApiException.conflict("事项已启动: 请在交办确认 (ASSIGN) 任务中修改");
        }
        history.record(itemId, user, null, Action.EDITED, null, apply(item, edit));
        Item after = store.item(itemId).orElseThrow();
        audit.record("ITEM_EDITED", "item:" + itemId, units(item), units(after));
        return after;
    }

    /**
     * Stores the units and due date of an edit and describes the result; units must be known to the directory.
     * An item must keep at least one lead or responsible unit.
     */
    public String apply(Item item, ItemEdit edit) {
        List<String> lead = edit.leadUnits() == null ? item.leadUnits() : known(edit.leadUnits());
        List<String> responsible = edit.responsibleUnits() == null ? item.responsibleUnits() : known(edit.responsibleUnits());
        List<String> cooperating = edit.cooperatingUnits() == null ? item.cooperatingUnits() : known(edit.cooperatingUnits());
        if (lead.isEmpty() && responsible.isEmpty()) {
            throw ApiException.badRequest("请至少指定一个牵头单位 (leadUnits) 或责任单位 (responsibleUnits)");
        }
        Deadline deadline = item.deadline();
        if (edit.due() != null) {
            Deadline.Kind kind = deadline.kind() == Deadline.Kind.NONE ? Deadline.Kind.DATE : deadline.kind();
            deadline = new Deadline(kind, edit.due(), deadline.frequency(), "确认: " + edit.due(), deadline.milestones());
        }
        store.replaceUnits(item.id(), lead, responsible, cooperating);
        store.setDeadline(item.id(), deadline);
        return "牵头: " + String.join("、", lead) + "; 责任: " + String.join("、", responsible)
                + (cooperating.isEmpty() ? "" : "; 配合: " + String.join("、", cooperating))
                + "; 时限: " + (deadline.due() == null ? "未定" : deadline.due());
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
        for (Item item : items) {
            supervise(item.id(), user);
        }
        int lookBack = lookBackService.start(store.plan(planId).orElseThrow());
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

    /** What an edit can change of an item, for the audit log. */
    private static Map<String, Object> units(Item item) {
        Map<String, Object> units = new java.util.LinkedHashMap<>();
        units.put("leadUnits", item.leadUnits());
        units.put("responsibleUnits", item.responsibleUnits());
        units.put("cooperatingUnits", item.cooperatingUnits());
        units.put("due", item.deadline().due() == null ? null : item.deadline().due().toString());
        return units;
    }

    /** Unit names for an item: a code becomes its unit's name; names and group names must be known. */
    private List<String> known(List<String> entries) {
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            String e = entry == null ? "" : entry.trim();
            String name = directory.unit(e).map(Unit::name).orElse(e);
            if (e.isEmpty() || directory.resolve(name).isEmpty()) {
                throw ApiException.badRequest("单位未能识别: " + e);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> unitNames(ParsedItem item) {
        List<String> names = new ArrayList<>(item.leadUnits());
        names.addAll(item.responsibleUnits());
        names.addAll(item.cooperatingUnits());
        return names;
    }
}
