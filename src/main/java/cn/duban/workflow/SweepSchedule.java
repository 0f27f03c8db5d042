package cn.duban.workflow;

import org.springframework.stereotype.Component;

import cn.duban.system.Settings;

/** When the daily sweep runs: {@code duban.sweep-cron}, read by processes/daily-sweep.bpmn as {@code sweepSchedule.cron}. */
@Component("sweepSchedule")
public class SweepSchedule {

    private final String cron;

    public SweepSchedule(Settings settings) {
        this.cron = settings.sweepCron();
    }

    public String getCron() {
        return cron;
    }
}
