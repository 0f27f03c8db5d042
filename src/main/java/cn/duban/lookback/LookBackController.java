package cn.duban.lookback;

import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
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

import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;

@RestController
public class LookBackController {

    public record MatchDecision(Long currentItemId, String status) {}

    public record Deduction(boolean deduction) {}

    private final LookBack lookBack;
    private final LookBackCases cases;
    private final LookBackReport reports;
    private final PlanStore plans;
    private final Caller caller;
    private final AuditLog audit;

    public LookBackController(LookBack lookBack, LookBackCases cases, LookBackReport reports, PlanStore plans, Caller caller,
                              AuditLog audit) {
        this.lookBack = lookBack;
        this.cases = cases;
        this.reports = reports;
        this.plans = plans;
        this.caller = caller;
        this.audit = audit;
    }

    /** The look-back of a plan year: last year's items matched to this year's. */
    @GetMapping("/api/lookback/{planId}/matches")
    public ResponseEntity<List<LookBackCases.Match>> matches(@PathVariable long planId, @ParameterObject Paging paging) {
        plan(planId);
        return Paged.response(cases.matches(planId, paging));
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
        LookBackReport.Report report = reports.of(plan(planId), caller.current());
        if (format.equals("md")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                    .body(LookBackReport.markdown(report));
        }
        return ResponseEntity.ok(report);
    }

    private PlanRecord plan(long planId) {
        return plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
    }
}
