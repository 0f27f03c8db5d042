package cn.duban.lookback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;

/** The look-back report of a plan year: per unit, counts by finding and by outcome, and the list of cases. */
@Component
public class LookBackReport {

    /** One case as the report lists it. */
    public record CaseView(long id, long priorItemId, String priorNumber, String title, String unit, String unitName,
                           List<String> findings, String reasons, LookBackCases.Status status, String explanation,
                           String rectification, java.time.LocalDate rectifyBy, String decision, Long rectificationItemId) {}

    public record UnitSummary(String unit, String unitName, int cases, Map<String, Integer> findings, int resolved,
                              int rectifying, int open) {}

    public record Report(long planId, int year, Long priorPlanId, Integer priorYear, int cases, Map<String, Integer> byFinding,
                         List<UnitSummary> units, List<CaseView> list) {}

    private final LookBack lookBack;
    private final LookBackCases cases;
    private final PlanStore plans;
    private final OrgDirectory directory;

    public LookBackReport(LookBack lookBack, LookBackCases cases, PlanStore plans, OrgDirectory directory) {
        this.lookBack = lookBack;
        this.cases = cases;
        this.plans = plans;
        this.directory = directory;
    }

    /** The report of a plan year's look-back as {@code user} may see it: a unit user, its own units' cases. */
    public Report of(PlanRecord plan, UserAccount user) {
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

    /** The report as Markdown, for the annual report. */
    public static String markdown(Report r) {
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
}
