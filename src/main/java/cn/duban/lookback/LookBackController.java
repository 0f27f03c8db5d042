package cn.duban.lookback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.org.OrgDirectory;
import cn.duban.org.Unit;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;

@RestController
public class LookBackController {

    /** One case as the report lists it. */
    public record CaseView(long id, long priorItemId, String priorNumber, String title, String unit, String unitName,
                           List<String> findings, String reasons, LookBackCases.Status status, String explanation,
                           String rectification, java.time.LocalDate rectifyBy, String decision, Long rectificationItemId) {}

    public record UnitSummary(String unit, String unitName, int cases, Map<String, Integer> findings, int resolved,
                              int rectifying, int open) {}

    public record Report(long planId, int year, Long priorPlanId, Integer priorYear, int cases, Map<String, Integer> byFinding,
                         List<UnitSummary> units, List<CaseView> list) {}

    public record MatchDecision(Long currentItemId, String status) {}

    public record Deduction(boolean deduction) {}

    private final LookBack lookBack;
    private final LookBackCases cases;
    private final PlanStore plans;
    private final OrgDirectory directory;
    private final Caller caller;

    private final AuditLog audit;

    public LookBackController(LookBack lookBack, LookBackCases cases, PlanStore plans, OrgDirectory directory, Caller caller,
                              AuditLog audit) {
        this.audit = audit;
        this.lookBack = lookBack;
        this.cases = cases;
        this.plans = plans;
        this.directory = directory;
        this.caller = caller;
    }

    /** The look-back of a plan year: last year's items matched to this year's. */
    @GetMapping("/api/lookback/{planId}/matches")
    public List<LookBackCases.Match> matches(@PathVariable long planId) {
        plan(planId);
        return cases.matches(planId);
    }

    /** The office confirms a match, changes it to another of this year's items, or rejects it (ADMIN). */
    @PutMapping("/api/lookback/matches/{id}")
    public LookBackCases.Match decide(@PathVariable long id, @RequestBody MatchDecision body) {
        LookBackCases.Match match = cases.match(id).orElseThrow(() -> ApiException.notFound("匹配不存在: " + id));
        String status = String.valueOf(body.status());
        if (!status.equals("CONFIRMED") && !status.equals("REJECTED")) {
            throw ApiException.badRequest("status 须为 CONFIRMED 或 REJECTED");
        }
        Long current = status.equals("REJECTED") ? null : body.currentItemId() != null ? body.currentItemId() : match.currentItemId();
        if (status.equals("CONFIRMED") && current == null) {
            throw ApiException.badRequest("请指定本年度事项 (currentItemId)");
        }
        long planId = plans.item(match.priorItemId()).orElseThrow().planId();
        if (current != null && plans.item(current).map(Item::planId).filter(p -> p != planId).isEmpty()) {
            throw ApiException.badRequest("本年度事项不存在: " + current);
        }
        cases.decideMatch(id, current, status);
        LookBackCases.Match after = cases.match(id).orElseThrow();
        audit.record("MATCH_DECIDED", "lookback-match:" + id, match, after);
        return after;
    }

    /** Starts the look-back of a launched plan now, e.g. after last year's plan was imported later (ADMIN). */
    @PostMapping("/api/lookback/{planId}/start")
    @Transactional
    public Map<String, Integer> start(@PathVariable long planId) {
        PlanRecord plan = plan(planId);
        if (plan.status() != PlanRecord.Status.LAUNCHED) {
            throw ApiException.conflict("计划尚未启动: " + planId);
        }
        if (lookBack.priorOf(plan).isEmpty()) {
            throw ApiException.conflict("系统中没有同一发文机关上一年度已启动的计划");
        }
        int started = lookBack.start(plan);
        audit.record("LOOKBACK_STARTED", "plan:" + planId, null, Map.of("cases", started));
        return Map.of("cases", started);
    }

    /** Marks last year's item as an assessment deduction point (考核失分点) for the look-back (ADMIN). */
    @PutMapping("/api/items/{id}/deduction")
    public Map<String, Object> deduction(@PathVariable long id, @RequestBody Deduction body) {
        Item item = plans.item(id).orElseThrow(() -> ApiException.notFound("事项不存在: " + id));
        plans.setDeduction(id, body.deduction());
        audit.record("DEDUCTION_SET", "item:" + id, item.deduction(), body.deduction());
        return Map.of("itemId", id, "deduction", body.deduction());
    }

    /**
     * The look-back report of a plan year: per unit, counts by finding and by outcome, and the list of cases;
     * {@code format=md} gives Markdown for the annual report. A unit user sees its own units' cases.
     */
    @GetMapping("/api/lookback/{planId}/report")
    public ResponseEntity<?> report(@PathVariable long planId, @RequestParam(defaultValue = "json") String format) {
        Report report = report(plan(planId), caller.current());
        if (format.equals("md")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                    .body(markdown(report));
        }
        return ResponseEntity.ok(report);
    }

    private Report report(PlanRecord plan, UserAccount user) {
        Map<String, String> names = directory.unitNames();
        List<CaseView> list = cases.ofPlan(plan.id()).stream()
                .filter(c -> user.seesAll() || user.units().contains(c.unit()))
                .map(c -> {
                    Item prior = plans.item(c.priorItemId()).orElseThrow();
                    return new CaseView(c.id(), prior.id(), prior.number(), prior.title(), c.unit(),
                            names.getOrDefault(c.unit(), c.unit()), c.findings(), c.reasons(), c.status(), c.explanation(),
                            c.rectification(), c.rectifyBy(), c.decision(), c.rectificationItemId());
                }).toList();
        Map<String, Integer> byFinding = new TreeMap<>();
        Map<String, UnitSummary> units = new LinkedHashMap<>();
        for (CaseView c : list) {
            c.findings().forEach(f -> byFinding.merge(f, 1, Integer::sum));
            UnitSummary u = units.getOrDefault(c.unit(), new UnitSummary(c.unit(), c.unitName(), 0, new TreeMap<>(), 0, 0, 0));
            Map<String, Integer> findings = new TreeMap<>(u.findings());
            c.findings().forEach(f -> findings.merge(f, 1, Integer::sum));
            units.put(c.unit(), new UnitSummary(u.unit(), u.unitName(), u.cases() + 1, findings,
                    u.resolved() + (c.status() == LookBackCases.Status.RESOLVED ? 1 : 0),
                    u.rectifying() + (c.status() == LookBackCases.Status.RECTIFYING ? 1 : 0),
                    u.open() + (c.status() == LookBackCases.Status.OPEN ? 1 : 0)));
        }
        PlanRecord prior = lookBack.priorOf(plan).orElse(null);
        return new Report(plan.id(), plan.year(), prior == null ? null : prior.id(), prior == null ? null : prior.year(),
                list.size(), byFinding, List.copyOf(units.values()), list);
    }

    private static String markdown(Report r) {
        StringBuilder md = new StringBuilder("## ").append(r.priorYear() == null ? "上" : r.priorYear()).append("年度工作要点落实情况回头看\n\n");
        md.append("共核查 ").append(r.cases()).append(" 项 (按事项和单位计)。");
        r.byFinding().forEach((f, n) -> md.append(Check.label(f)).append(' ').append(n).append(" 项; "));
        md.append("\n\n| 单位 | 核查 | 已整改到位 | 转入本年度整改 | 待核实 |\n|---|---|---|---|---|\n");
        r.units().forEach(u -> md.append("| ").append(u.unitName()).append(" | ").append(u.cases()).append(" | ")
                .append(u.resolved()).append(" | ").append(u.rectifying()).append(" | ").append(u.open()).append(" |\n"));
        md.append("\n### 核查清单\n\n");
        int n = 1;
        for (CaseView c : r.list()) {
            md.append(n++).append(". 第").append(c.priorNumber()).append("项「").append(c.title()).append("」(")
                    .append(c.unitName()).append("): ")
                    .append(String.join("、", c.findings().stream().map(f -> Check.label(f)).toList()))
                    .append(" — ").append(switch (c.status()) {
                        case RESOLVED -> "已整改到位";
                        case RECTIFYING -> "转入本年度整改, 时限 " + c.rectifyBy();
                        case OPEN -> "待核实";
                    }).append('\n');
        }
        return md.toString();
    }

    private PlanRecord plan(long planId) {
        return plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
    }
}
