package cn.duban.report;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;

@RestController
public class StatisticsController {

    private final Statistics statistics;
    private final Caller caller;
    private final ZoneId zone;

    public StatisticsController(Statistics statistics, Caller caller, @Value("${duban.zone:Asia/Shanghai}") String zone) {
        this.statistics = statistics;
        this.caller = caller;
        this.zone = ZoneId.of(zone);
    }

    /** The dashboard's figures, for one plan or all: the caller's units' only, for a unit user. */
    @GetMapping("/api/stats/dashboard")
    public Statistics.Dashboard dashboard(@RequestParam(required = false) Long plan) {
        return statistics.dashboard(caller.current(), plan, LocalDate.now(zone));
    }
}
