package cn.duban.workflow;

import java.time.LocalDate;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.system.Today;
import cn.duban.web.Paged;

@RestController
public class SweepController {

    private final DailySweep sweep;
    private final Today today;
    private final SweepFailures failures;

    public SweepController(DailySweep sweep, Today today, SweepFailures failures) {
        this.sweep = sweep;
        this.today = today;
        this.failures = failures;
    }

    /**
     * Runs the daily sweep for a day (default today, never a later day: what it sends cannot be taken back; the
     * simulation looks ahead): {"date","workingDay","reminders","escalations","failures","calendarWarning","remindersByKind",
     * "escalationsByLevel"} (ADMIN).
     */
    @PostMapping("/api/admin/sweep")
    public DailySweep.Result sweep(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate now = today.date();
        if (date != null && date.isAfter(now)) {
            throw ApiException.badRequest("不能巡检今天 (" + now + ") 之后的日期 " + date
                    + ": 巡检发出的提醒与升级督办无法撤回。要预先查看今后的提醒与升级, 请用「规则」页的模拟 (或命令行 simulate)");
        }
        return sweep.run(date == null ? now : date);
    }

    /** The items whose escalation a sweep could not carry out and the next sweeps retry: open ones, or all (ADMIN). */
    @GetMapping("/api/admin/sweep/failures")
    public ResponseEntity<List<SweepFailures.Failure>> failures(@RequestParam(defaultValue = "false") boolean all,
                                                                @ParameterObject Paging paging) {
        return Paged.response(failures.list(all, paging));
    }
}
