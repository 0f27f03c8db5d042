package cn.duban.report;


import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.Today;
import cn.duban.security.Caller;

@RestController
public class StatisticsController {

    private final Statistics statistics;
    private final Caller caller;
    private final Today today;

    public StatisticsController(Statistics statistics, Caller caller, Today today) {
        this.statistics = statistics;
        this.caller = caller;
        this.today = today;
    }

    /** The dashboard's figures, for one plan or all: the caller's units' only, for a unit user. */
    @GetMapping("/api/stats/dashboard")
    public Statistics.Dashboard dashboard(@RequestParam(required = false) Long plan) {
        return statistics.dashboard(caller.current(), plan, today.date());
    }
}
