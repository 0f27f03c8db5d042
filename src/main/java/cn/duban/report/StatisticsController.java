package cn.duban.report;


import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.rules.Scoring;
import cn.duban.system.Today;
import cn.duban.security.Caller;

@RestController
public class StatisticsController {

    private final Statistics statistics;
    private final Scores scores;
    private final Caller caller;
    private final Today today;

    public StatisticsController(Statistics statistics, Scores scores, Caller caller, Today today) {
        this.statistics = statistics;
        this.scores = scores;
        this.caller = caller;
        this.today = today;
    }

    /** The dashboard's figures, for one plan or all: the caller's units' only, for a unit user. */
    @GetMapping("/api/stats/dashboard")
    public Statistics.Dashboard dashboard(@RequestParam(required = false) Long plan) {
        return statistics.dashboard(caller.current(), plan, today.date());
    }

    /**
     * 考评: every unit's score on the plan as of today (at most its year's end), best first, each with the lines that
     * make it (rules/scoring.drl.csv); a unit user gets its own units' only, with their rank among all.
     */
    @GetMapping("/api/stats/scores")
    public List<Scoring.UnitScore> scores(@RequestParam long plan) {
        return scores.of(caller.current(), plan, today.date());
    }
}
