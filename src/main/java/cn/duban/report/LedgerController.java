package cn.duban.report;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ledger as a workbook: exported by anyone (a unit user gets its own units' rows), imported by the ADMIN. */
@RestController
public class LedgerController {

    private final LedgerWorkbook workbook;

    public LedgerController(LedgerWorkbook workbook) {
        this.workbook = workbook;
    }

    @GetMapping("/api/ledger.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Long plan,
                                         @RequestParam(required = false) String unit) throws IOException {
        return workbook.export(plan, unit).response();
    }

    /** Previews (default) or, with {@code apply=true}, applies an edited ledger. */
    @PostMapping(value = "/api/admin/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public LedgerWorkbook.ImportResult importLedger(@RequestParam("file") MultipartFile file,
                                                    @RequestParam(defaultValue = "false") boolean apply) throws IOException {
        return workbook.importLedger(file.getBytes(), apply);
    }
}
