package cn.duban.rules;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The rules in /actuator/health ("rules", part of readiness): compiled, and from which files. */
@Component
public class RulesHealthIndicator extends AbstractHealthIndicator {

    private final RuleBase rules;

    public RulesHealthIndicator(RuleBase rules) {
        this.rules = rules;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (rules.compiled()) {
            health.up().withDetail("files", rules.files());
        } else {
            health.down();
        }
    }
}
