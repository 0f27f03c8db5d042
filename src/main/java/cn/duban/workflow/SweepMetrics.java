package cn.duban.workflow;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.aop.support.RootClassFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The daily sweep's meters, kept out of the sweep: each {@link DailySweep#run} (the timer of
 * processes/daily-sweep.bpmn, or the office's POST /api/admin/sweep) is timed as {@code duban.sweep{outcome}},
 * transaction included, and once it committed what it did is counted: {@code duban.sweep.reminders{kind}} and
 * {@code duban.sweep.escalations{level}} (the level an item reached).
 */
@Component
public class SweepMetrics extends AbstractAdvisingBeanPostProcessor {

    public SweepMetrics(ObjectProvider<MeterRegistry> registry) {
        NameMatchMethodPointcutAdvisor advisor = new NameMatchMethodPointcutAdvisor(
                (MethodInterceptor) call -> measure(registry.getObject(), call));
        advisor.setMappedName("run");
        advisor.setClassFilter(new RootClassFilter(DailySweep.class));
        this.advisor = advisor;
        // around the sweep's transaction: the commit is part of its time, and nothing is counted that was rolled back
        setBeforeExistingAdvisors(true);
    }

    private static Object measure(MeterRegistry registry, MethodInvocation call) throws Throwable {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            DailySweep.Result result = (DailySweep.Result) call.proceed();
            outcome = "success";
            result.remindersByKind().forEach((kind, n) -> registry.counter("duban.sweep.reminders", "kind", kind).increment(n));
            result.escalationsByLevel().forEach((level, n) ->
                    registry.counter("duban.sweep.escalations", "level", String.valueOf(level)).increment(n));
            return result;
        } finally {
            sample.stop(registry.timer("duban.sweep", "outcome", outcome));
        }
    }
}
