package cn.duban.workflow;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.aop.support.RootClassFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
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
            result.remindersByKind().forEach((kind, n) -> Counter.builder("duban.sweep.reminders").tag("kind", kind)
                    .description("New reminders of the daily sweep, by kind").register(registry).increment(n));
            result.escalationsByLevel().forEach((level, n) -> Counter.builder("duban.sweep.escalations")
                    .tag("level", String.valueOf(level)).description("Items the daily sweep escalated, by the level reached")
                    .register(registry).increment(n));
            return result;
        } finally {
            sample.stop(Timer.builder("duban.sweep").tag("outcome", outcome).description("Runs of the daily sweep")
                    .register(registry));
        }
    }
}
