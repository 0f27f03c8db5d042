package cn.duban.system;

import org.springframework.boot.actuate.health.Status;

/**
 * A health status of ours: WARNING, for what the office should see to but that does not stop the node from serving
 * (outbox messages given up on, a year without holiday data). application.yml orders it between DOWN and UP and
 * answers it with 200, so that it never takes a node out of the load balancer.
 */
public final class HealthStatus {

    public static final Status WARNING = new Status("WARNING");

    private HealthStatus() {
    }
}
