package cn.duban.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.Today;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;

/** The office's documents on a plan: the annual-report section and the 通报; they cover every unit, so not for units. */
@RestController
public class ReportController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AnnualReport annual;
    private final Notice notice;
    private final PlanStore plans;
    private final Caller caller;
    private final Today today;

    public ReportController(AnnualReport annual, Notice notice, PlanStore plans, Caller caller,
                            Today today) {
        this.annual = annual;
        this.notice = notice;
        this.plans = plans;
        this.caller = caller;
        this.today = today;
    }

    @GetMapping("/api/plans/{id}/report")
    public AnnualReport.Section report(@PathVariable long id) {
        return annual.section(plan(id), today.date());
    }

    @GetMapping("/api/plans/{id}/report.md")
    public ResponseEntity<byte[]> reportMarkdown(@PathVariable long id) {
        return file(MediaType.parseMediaType("text/markdown;charset=UTF-8"), "工作要点落实情况.md",
                annual.markdown(report(id)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/plans/{id}/report.docx")
    public ResponseEntity<byte[]> reportDocx(@PathVariable long id) throws IOException {
        return file(DOCX, "工作要点落实情况.docx", annual.docx(report(id)));
    }

    /** The 通报 for a period, by default from the start of the plan year to today. */
    @GetMapping("/api/plans/{id}/notice.docx")
    public ResponseEntity<byte[]> notice(@PathVariable long id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        PlanRecord plan = plan(id);
        LocalDate end = to == null ? today.date() : to;
        LocalDate start = from == null ? LocalDate.of(plan.year(), 1, 1) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("起始日期不能晚于截止日期");
        }
        return file(DOCX, "督办通报.docx", notice.docx(plan, start, end));
    }

    private PlanRecord plan(long id) {
        if (!caller.current().seesAll()) {
            throw ApiException.forbidden("报告和通报涵盖所有单位, 仅督办人员可以生成");
        }
        return plans.plan(id).orElseThrow(() -> ApiException.notFound("计划 " + id + " 不存在"));
    }

    static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(content);
    }
}
