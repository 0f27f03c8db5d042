package cn.duban.report;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office's documents on a plan (see PlanDocuments). */
@RestController
public class ReportController {

    private final PlanDocuments documents;

    public ReportController(PlanDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/plans/{id}/report")
    public AnnualReport.Section report(@PathVariable long id) {
        return documents.report(id);
    }

    @GetMapping("/api/plans/{id}/report.md")
    public ResponseEntity<byte[]> reportMarkdown(@PathVariable long id) {
        return documents.reportMarkdown(id).response();
    }

    @GetMapping("/api/plans/{id}/report.docx")
    public ResponseEntity<byte[]> reportDocx(@PathVariable long id) throws IOException {
        return documents.reportDocx(id).response();
    }

    /** The 通报 for a period, by default from the start of the plan year to today. */
    @GetMapping("/api/plans/{id}/notice.docx")
    public ResponseEntity<byte[]> notice(@PathVariable long id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return documents.notice(id, from, to).response();
    }
}
