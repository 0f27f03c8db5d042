package cn.duban.report;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages' download links: the same files and access rules as the API, under the browser's login session. */
@Controller
public class Downloads {

    private final LedgerWorkbook ledger;
    private final PlanDocuments documents;

    public Downloads(LedgerWorkbook ledger, PlanDocuments documents) {
        this.ledger = ledger;
        this.documents = documents;
    }

    @GetMapping("/plans/{id}/ledger.xlsx")
    public ResponseEntity<byte[]> ledger(@PathVariable long id) throws IOException {
        return ledger.export(id, null).response();
    }

    @GetMapping("/plans/{id}/report.docx")
    public ResponseEntity<byte[]> reportDocx(@PathVariable long id) throws IOException {
        return documents.reportDocx(id).response();
    }

    @GetMapping("/plans/{id}/report.md")
    public ResponseEntity<byte[]> reportMarkdown(@PathVariable long id) {
        return documents.reportMarkdown(id).response();
    }

    @GetMapping("/plans/{id}/notice.docx")
    public ResponseEntity<byte[]> notice(@PathVariable long id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return documents.notice(id, from, to).response();
    }
}
