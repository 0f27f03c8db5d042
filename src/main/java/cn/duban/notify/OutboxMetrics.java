package cn.duban.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox's messages by status, as the gauge {@code duban.outbox.messages{status}}: one grouped query, reused for
 * a few seconds so that a scrape of the three gauges costs one query.
 */
@Component
public class OutboxMetrics implements MeterBinder {

    /** A message waits for delivery (PENDING), went out (SENT), or was given up on after its attempts (FAILED). */
    static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<String, Map<String, Long>> recent = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).build();

    public OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many messages have each status now (0 for a status none has). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        jdbc.sql("select status, count(*) from outbox group by status")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("duban.outbox.messages", () -> recent.get("", k -> counts()).get(status))
                    .tag("status", status).description("Outbox messages by status").register(registry);
        }
    }
}
