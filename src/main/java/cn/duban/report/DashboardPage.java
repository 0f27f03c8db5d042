package cn.duban.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.rules.CalendarWarning;
import cn.duban.system.Today;
import cn.duban.web.SignedIn;

/** 督办看板: status and colour counts, completion by unit, the year's trend, the overdue list. */
@Controller
public class DashboardPage {

    private final SignedIn signedIn;
    private final Statistics statistics;
    private final CalendarWarning calendarWarning;
    private final Today today;
    private final PlanStore plans;

    public DashboardPage(SignedIn signedIn, Statistics statistics, CalendarWarning calendarWarning, Today today,
                         PlanStore plans) {
        this.signedIn = signedIn;
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
        model.addAttribute("plans", plans.plans());
        model.addAttribute("plan", plan);
        if (user.isAdmin()) {
            model.addAttribute("calendarMissing", calendarWarning.missing());
        }
        return "dashboard";
    }
}
