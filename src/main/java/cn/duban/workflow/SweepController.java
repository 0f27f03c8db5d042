package cn.duban.workflow;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SweepController {

    private final DailySweep sweep;
    private final ZoneId zone;

    public SweepController(DailySweep sweep, @Value("${duban.zone:Asia/Shanghai}") String zone) {
        this.sweep = sweep;
        this.zone = ZoneId.of(zone);
    }

    /** Runs the daily sweep for a day (default today): {"date","workingDay","reminders","escalations"} (ADMIN). */
    @PostMapping("/api/admin/sweep")
    public DailySweep.Result sweep(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return sweep.run(date == null ? LocalDate.now(zone) : date);
    }
}
