package cn.duban.report;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.AdminPage;

/** 台账导入 on 管理: the edited ledger's changes and conflicts, previewed or applied as the ADMIN chose. */
@Controller
public class LedgerPages {

    private final LedgerWorkbook workbook;
    private final AdminPage adminPage;

    public LedgerPages(LedgerWorkbook workbook, AdminPage adminPage) {
        this.workbook = workbook;
        this.adminPage = adminPage;
    }

    @PostMapping("/admin/ledger")
    public String importLedger(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean apply,
                               Model model) throws IOException {
        model.addAttribute("ledgerResult", workbook.importLedger(file.getBytes(), apply));
        return adminPage.show(model);
    }
}
