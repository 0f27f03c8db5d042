package cn.duban.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When the daily sweep runs: {@code duban.sweep-cron}, read by processes/daily-sweep.bpmn as {@code sweepSchedule.cron}. */
@Component("sweepSchedule")
public class SweepSchedule {

    private final String cron;

    public SweepSchedule(@Value("${duban.sweep-cron:0 30 8 * * ?}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
