package cn.duban.workflow;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.Today;

@RestController
public class SweepController {

    private final DailySweep sweep;
    private final Today today;

    public SweepController(DailySweep sweep, Today today) {
        this.sweep = sweep;
        this.today = today;
    }

    /** Runs the daily sweep for a day (default today): {"date","workingDay","reminders","escalations","calendarWarning"} (ADMIN). */
    @PostMapping("/api/admin/sweep")
    public DailySweep.Result sweep(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return sweep.run(date == null ? today.date() : date);
    }
}
