package cn.duban.report;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.system.Today;
import cn.duban.org.UserAccount;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;

/** The ledger as a workbook: exported by anyone (a unit user gets its own units' rows), imported by the ADMIN. */
@RestController
public class LedgerController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What an import found; {@code applied} tells whether the changes were made or only previewed. */
    public record ImportResult(boolean applied, int changes, int conflicts, List<LedgerWorkbook.Change> rows) {}

    private final LedgerWorkbook workbook;
    private final PlanStore plans;
    private final Caller caller;
    private final Today today;

    public LedgerController(LedgerWorkbook workbook, PlanStore plans, Caller caller,
                            Today today) {
        this.workbook = workbook;
        this.plans = plans;
        this.caller = caller;
        this.today = today;
    }

    @GetMapping("/api/ledger.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Long plan,
                                         @RequestParam(required = false) String unit) throws IOException {
        UserAccount user = caller.current();
        List<PlanRecord> chosen = plan == null
                ? plans.plans().stream().filter(p -> p.status() == PlanRecord.Status.LAUNCHED).toList()
                : List.of(plans.plan(plan).orElseThrow(() -> ApiException.notFound("计划 " + plan + " 不存在")));
        Set<String> units = unit == null ? null : Set.of(unit);
        if (!user.seesAll()) {
            if (unit != null && !user.units().contains(unit)) {
                throw ApiException.forbidden("只能导出本单位的台账");
            }
            units = unit == null ? Set.copyOf(user.units()) : units;
        }
        byte[] content = workbook.export(chosen, units, today.date());
        return ReportController.file(XLSX, "工作台账.xlsx", content);
    }

    /** Previews (default) or, with {@code apply=true}, applies an edited ledger. */
    @PostMapping(value = "/api/admin/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportResult importLedger(@RequestParam("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean apply) throws IOException {
        List<LedgerWorkbook.Change> rows = workbook.importLedger(file.getBytes(), apply, caller.current().username(),
                today.date());
        int conflicts = (int) rows.stream().filter(r -> !r.applied()).count();
        return new ImportResult(apply, rows.size() - conflicts, conflicts, rows);
    }
}
