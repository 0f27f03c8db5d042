package cn.duban.workflow;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** BPMN step "规则判定当日提醒、升级与三色" of processes/daily-sweep.bpmn: today's sweep. */
@Component("sweepToday")
public class SweepTodayDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SweepTodayDelegate.class);

    private final DailySweep sweep;
    private final ZoneId zone;

    public SweepTodayDelegate(DailySweep sweep, @Value("${duban.zone:Asia/Shanghai}") String zone) {
        this.sweep = sweep;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void execute(DelegateExecution execution) {
        DailySweep.Result result = sweep.run(LocalDate.now(zone));
        log.info("Daily sweep {}: {}", result.date(), result);
    }
}
