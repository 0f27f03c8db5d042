package cn.duban.notify;

import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import cn.duban.system.HealthStatus;

/**
 * The outbox in /actuator/health ("outbox"): the messages waiting for delivery and those given up on. A FAILED message
 * is WARNING, not DOWN: the node still serves and delivers the rest; the office reads them at /api/admin/outbox.
 */
@Component
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxMetrics outbox;

    public OutboxHealthIndicator(OutboxMetrics outbox) {
        this.outbox = outbox;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Long> counts = outbox.counts();
        long failed = counts.get("FAILED");
        health.status(failed > 0 ? HealthStatus.WARNING : Status.UP)
                .withDetail("pending", counts.get("PENDING"))
                .withDetail("failed", failed);
        if (failed > 0) {
            health.withDetail("failedMessages", "/api/admin/outbox?status=FAILED");
        }
    }
}
