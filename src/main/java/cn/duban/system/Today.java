package cn.duban.system;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Today's date in the office's time zone ({@code duban.zone}): what the sweep, the pages and the reports call today. */
@Component
public class Today {

    private final ZoneId zone;

    public Today(@Value("${duban.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }
}
