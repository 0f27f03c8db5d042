package cn.duban.system;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Today's date in the office's time zone ({@code duban.zone}): what the sweep, the pages and the reports call today. */
@Component
public class Today {

    private final ZoneId zone;

    @Autowired
    public Today(Settings settings) {
        this(settings.zone());
    }

    public Today(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }
}
