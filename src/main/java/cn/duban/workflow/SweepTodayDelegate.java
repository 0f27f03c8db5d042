package cn.duban.workflow;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.duban.system.Today;

/** BPMN step "规则判定当日提醒、升级与三色" of processes/daily-sweep.bpmn: today's sweep. */
@Component("sweepToday")
public class SweepTodayDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SweepTodayDelegate.class);

    private final DailySweep sweep;
    private final Today today;

    public SweepTodayDelegate(DailySweep sweep, Today today) {
        this.sweep = sweep;
        this.today = today;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DailySweep.Result result = sweep.run(today.date());
        log.info("Daily sweep {}: {}", result.date(), result);
    }
}
