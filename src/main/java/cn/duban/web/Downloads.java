package cn.duban.web;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.report.LedgerController;
import cn.duban.report.ReportController;

/** The pages' download links: the same files and access rules as the API, under the browser's login session. */
@Controller
public class Downloads {

    private final LedgerController ledger;
    private final ReportController reports;

    public Downloads(LedgerController ledger, ReportController reports) {
        this.ledger = ledger;
        this.reports = reports;
    }

    @GetMapping("/plans/{id}/ledger.xlsx")
    public ResponseEntity<byte[]> ledger(@PathVariable long id) throws IOException {
        return ledger.export(id, null);
    }

    @GetMapping("/plans/{id}/report.docx")
    public ResponseEntity<byte[]> reportDocx(@PathVariable long id) throws IOException {
        return reports.reportDocx(id);
    }

    @GetMapping("/plans/{id}/report.md")
    public ResponseEntity<byte[]> reportMarkdown(@PathVariable long id) {
        return reports.reportMarkdown(id);
    }

    @GetMapping("/plans/{id}/notice.docx")
    public ResponseEntity<byte[]> notice(@PathVariable long id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return reports.notice(id, from, to);
    }
}
