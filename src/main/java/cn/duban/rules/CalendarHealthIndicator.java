package cn.duban.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import cn.duban.system.HealthStatus;
import cn.duban.system.Today;

/**
 * The holiday calendar in /actuator/health ("calendar"): whether this year and next have holiday data, and WARNING
 * while a year the calendar is needed for lacks it (this year; next year from 1 November, as {@link CalendarWarning}
 * says): working days are then counted Monday to Friday.
 */
@Component
public class CalendarHealthIndicator extends AbstractHealthIndicator {

    private final WorkCalendar calendar;
    private final CalendarWarning warning;
    private final Today today;

    public CalendarHealthIndicator(WorkCalendar calendar, CalendarWarning warning, Today today) {
        this.calendar = calendar;
        this.warning = warning;
        this.today = today;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        int year = today.date().getYear();
        Map<String, Boolean> covered = new LinkedHashMap<>();
        for (int y = year; y <= year + 1; y++) {
            covered.put(String.valueOf(y), calendar.covers(y));
        }
        List<Integer> missing = warning.missing();
        health.status(missing.isEmpty() ? Status.UP : HealthStatus.WARNING).withDetail("covered", covered)
                .withDetail("missing", missing);
    }
}
