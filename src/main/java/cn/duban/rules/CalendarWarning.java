package cn.duban.rules;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.duban.system.Today;

/**
 * Today's warning about years without holiday data ({@link WorkCalendar#warning}), for the pages, the launch and the
 * sweep; written to the log at start-up and then once a day at most, when first asked for.
 */
@Component
public class CalendarWarning {

    private static final Logger log = LoggerFactory.getLogger(CalendarWarning.class);

    private final WorkCalendar calendar;
    private final Today today;
    private final AtomicReference<LocalDate> logged = new AtomicReference<>();

    public CalendarWarning(WorkCalendar calendar, Today today) {
        this.calendar = calendar;
        this.today = today;
    }

    /** The warning as of today, counting {@code years} (a plan's) as needed too; null when there is none. */
    public String check(int... years) {
        return WorkCalendar.warning(missing(years));
    }

    /** The years without holiday data as of today, counting {@code years} too, for the pages to word in their language. */
    public java.util.List<Integer> missing(int... years) {
        LocalDate day = today.date();
        java.util.List<Integer> missing = calendar.missing(day, years);
        if (!missing.isEmpty() && !day.equals(logged.getAndSet(day))) {
            log.warn(WorkCalendar.warning(missing));
        }
        return missing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        check();
    }
}
