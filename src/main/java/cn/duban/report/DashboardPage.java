package cn.duban.report;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.rules.CalendarWarning;
import cn.duban.system.Today;
import cn.duban.web.SignedIn;

/** 督办看板: status and colour counts, completion by unit, the year's trend, the overdue list, the units' ranking (考评). */
@Controller
public class DashboardPage {

    private final SignedIn signedIn;
    private final Statistics statistics;
    private final CalendarWarning calendarWarning;
    private final Today today;
    private final PlanStore plans;
    private final Scores scores;

    public DashboardPage(SignedIn signedIn, Statistics statistics, CalendarWarning calendarWarning, Today today,
                         PlanStore plans, Scores scores) {
        this.signedIn = signedIn;
        this.scores = scores;
        this.plans = plans;
        this.statistics = statistics;
        this.calendarWarning = calendarWarning;
        this.today = today;
    }

    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) Long plan, Model model) {
        UserAccount user = signedIn.into(model);
        model.addAttribute("stats", statistics.dashboard(user, plan, today.date()));
        model.addAttribute("maxAge", statistics.maxAge().toSeconds());
        List<PlanRecord> all = plans.plans();
        model.addAttribute("plans", all);
        model.addAttribute("plan", plan);
        // the ranking of the plan chosen, or of the newest launched plan
        all.stream().filter(p -> plan == null ? p.status() == PlanRecord.Status.LAUNCHED : p.id() == plan).findFirst()
                .ifPresent(p -> {
                    model.addAttribute("scoredPlan", p);
                    model.addAttribute("scores", scores.of(user, p.id(), today.date()));
                });
        if (user.isAdmin()) {
            model.addAttribute("calendarMissing", calendarWarning.missing());
        }
        return "dashboard";
    }
}
