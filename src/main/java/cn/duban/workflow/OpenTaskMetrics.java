package cn.duban.workflow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The open tasks by step, as the gauge {@code duban.tasks.open{step}}: one grouped query on the task projection,
 * reused for a few seconds so that a scrape of the gauges costs one query.
 */
@Component
public class OpenTaskMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<String, Map<Step, Long>> recent = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).build();

    public OpenTaskMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<Step, Long> counts() {
        Map<Step, Long> counts = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            counts.put(step, 0L);
        }
        jdbc.sql("select step, count(*) from open_task group by step")
                .query((rs, i) -> counts.put(Step.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Step step : Step.values()) {
            Gauge.builder("duban.tasks.open", () -> recent.get("", k -> counts()).get(step))
                    .tag("step", step.name()).description("Open tasks by step").register(registry);
        }
    }
}
