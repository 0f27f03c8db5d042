package cn.duban.lookback;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;
import cn.duban.web.SignedIn;

/** 回头看: last year's items matched to this year's, and the cases with their outcome. */
@Controller
public class LookBackPages {

    private final SignedIn signedIn;
    private final PlanStore plans;
    private final LookBackCases cases;
    private final LookBackReport reports;
    private final LookBack lookBack;

    public LookBackPages(SignedIn signedIn, PlanStore plans, LookBackCases cases, LookBackReport reports, LookBack lookBack) {
        this.signedIn = signedIn;
        this.plans = plans;
        this.cases = cases;
        this.reports = reports;
        this.lookBack = lookBack;
    }

    /** 回头看 in the menu: the look-back of the newest launched plan that has a plan the year before, else the plans. */
    @GetMapping("/lookback")
    public String latest() {
        return plans.plans().stream().filter(p -> p.status() == PlanRecord.Status.LAUNCHED)
                .filter(p -> lookBack.priorOf(p).isPresent())
                .max(java.util.Comparator.comparingInt(PlanRecord::year).thenComparingLong(PlanRecord::id))
                .map(p -> "redirect:/lookback/" + p.id()).orElse("redirect:/plans?noLookBack");
    }

    @GetMapping("/lookback/{planId}")
    public String lookBack(@PathVariable long planId, Model model) {
        PlanRecord plan = plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        model.addAttribute("report", reports.of(plan, signedIn.into(model)));
        model.addAttribute("matches", cases.matches(planId));
        return "lookback";
    }
}
