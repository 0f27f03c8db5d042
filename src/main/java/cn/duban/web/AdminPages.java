package cn.duban.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.Contacts;
import cn.duban.org.OrgDirectory;
import cn.duban.org.UserController;
import cn.duban.plan.PlanStore;
import cn.duban.report.LedgerController;
import cn.duban.rules.CalendarWarning;
import cn.duban.rules.RuleBase;
import cn.duban.rules.RulesController;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.workflow.SweepFailures;

/**
 * The office's pages (ADMIN): the rules in force with validated uploads and a preview (also for OPERATOR, who alone
 * changes .drl files), the directory, ledger import.
 */
@Controller
public class AdminPages {

    private final Caller caller;
    private final RuleBase rules;
    private final RulesController rulesApi;
    private final UserController users;
    private final OrgDirectory directory;
    private final PlanStore plans;
    private final LedgerController ledger;

    private final AuditLog audit;
    private final CalendarWarning calendarWarning;
    private final SweepFailures sweepFailures;

    public AdminPages(Caller caller, RuleBase rules, RulesController rulesApi, UserController users, OrgDirectory directory,
                      PlanStore plans, LedgerController ledger, AuditLog audit, CalendarWarning calendarWarning,
                      SweepFailures sweepFailures) {
        this.calendarWarning = calendarWarning;
        this.sweepFailures = sweepFailures;
        this.audit = audit;
        this.ledger = ledger;
        this.caller = caller;
        this.rules = rules;
        this.rulesApi = rulesApi;
        this.users = users;
        this.directory = directory;
        this.plans = plans;
    }

    /** 规则: the files in force, one file's text to edit, and a preview of the coming weeks on a plan. */
    @GetMapping("/rules")
    public String rules(@RequestParam(required = false) String file, @RequestParam(required = false) Long plan,
                        @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                        Model model) {
        model.addAttribute("me", caller.current());
        model.addAttribute("files", rules.files());
        model.addAttribute("folder", rules.folder());
        model.addAttribute("file", file);
        model.addAttribute("editable", editable(file));
        if (file != null) {
            model.addAttribute("text", new String(rules.file(file).orElseThrow(() -> ApiException.notFound("规则文件不存在: " + file))
                    .bytes(), StandardCharsets.UTF_8));
        }
        model.addAttribute("plans", plans.plans());
        model.addAttribute("plan", plan);
        if (plan != null) {
            model.addAttribute("events", rulesApi.simulate(plan, "none", from, 8));
            model.addAttribute("from", from);
        }
        return "rules";
    }

    /** A new version of a rule file: compiled with the others first; an error shows the compiler's message. */
    @PostMapping("/rules/{file}")
    public String upload(@PathVariable String file, @RequestParam String text, Model model) throws IOException {
        try {
            rulesApi.replace(file, text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        } catch (RuleBase.CompileException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("problems", e.problems());
            model.addAttribute("text", text);
            model.addAttribute("me", caller.current());
            model.addAttribute("files", rules.files());
            model.addAttribute("folder", rules.folder());
            model.addAttribute("file", file);
            model.addAttribute("editable", editable(file));
            model.addAttribute("plans", plans.plans());
            return "rules";
        }
        return "redirect:/rules?file=" + file + "&saved";
    }

    /** An operator may change any rule file; the office only a decision table's values. */
    private boolean editable(String file) {
        return caller.current().has(cn.duban.org.Role.OPERATOR) || file == null || !file.endsWith(".drl");
    }

    /** 管理: units and how they are reached, users, and the working-day calendar's overrides. */
    @GetMapping("/admin")
    public String admin(Model model) {
        model.addAttribute("me", caller.current());
        model.addAttribute("units", users.unitContacts());
        model.addAttribute("users", directory.users());
        model.addAttribute("holidays", rulesApi.holidays());
        model.addAttribute("calendarMissing", calendarWarning.missing());
        model.addAttribute("roles", cn.duban.org.Role.values());
        model.addAttribute("audit", audit.list(null, null, 50));
        model.addAttribute("sweepFailures", sweepFailures.list(false));
        return "admin";
    }

    /** 台账导入: the edited ledger's changes and conflicts, previewed or applied as the ADMIN chose. */
    @PostMapping("/admin/ledger")
    public String importLedger(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                               @RequestParam(defaultValue = "false") boolean apply, Model model) throws IOException {
        model.addAttribute("ledgerResult", ledger.importLedger(file, apply));
        return admin(model);
    }

    @PostMapping("/admin/users")
    public String addUser(@RequestParam String username, @RequestParam(required = false) String name, @RequestParam String password,
                          @RequestParam(name = "role", required = false) List<cn.duban.org.Role> roles,
                          @RequestParam(required = false) String units) {
        users.addUser(new UserController.UserChange(username, name, password, roles, codes(units)));
        return "redirect:/admin?saved";
    }

    @PostMapping("/admin/users/{username}")
    public String updateUser(@PathVariable String username, @RequestParam(required = false) String name,
                             @RequestParam(required = false) String password,
                             @RequestParam(name = "role", required = false) List<cn.duban.org.Role> roles,
                             @RequestParam(required = false) String units) {
        users.updateUser(username, new UserController.UserChange(username, name, password, roles == null ? List.of() : roles,
                codes(units)));
        return "redirect:/admin?saved";
    }

    @PostMapping("/admin/holidays")
    public String holidays(@RequestParam String text) throws IOException {
        rulesApi.replaceHolidays(text.replace("\r\n", "\n"));
        return "redirect:/admin?saved";
    }

    /** 导入节假日安排通知: the notice's days as a table to check (预览), or merged into holidays.csv (确认导入). */
    @PostMapping("/admin/holidays/notice")
    public String holidayNotice(@RequestParam String text, @RequestParam(defaultValue = "false") boolean apply, Model model)
            throws IOException {
        model.addAttribute("noticeText", text);
        try {
            model.addAttribute("notice", rulesApi.importNotice(new RulesController.NoticeText(text), apply));
        } catch (ApiException e) {
            model.addAttribute("noticeError", e.getMessage());
        }
        return admin(model);
    }

    private static List<String> codes(String units) {
        return units == null ? List.of() : Arrays.stream(units.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @PostMapping("/admin/units/{code}")
    public String contacts(@PathVariable String code, @RequestParam(required = false) String emails,
                           @RequestParam(required = false) String webhookUrl, @RequestParam(required = false) String webhookFormat,
                           @RequestParam(name = "channel", required = false) List<String> channels) {
        List<String> addresses = emails == null ? List.of() : Arrays.stream(emails.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        users.setContacts(code, new Contacts(addresses, webhookUrl,
                webhookFormat == null || webhookFormat.isBlank() ? null : Contacts.WebhookFormat.valueOf(webhookFormat),
                channels == null ? java.util.Set.of() : channels.stream().map(Contacts.Channel::valueOf)
                        .collect(java.util.stream.Collectors.toSet())));
        return "redirect:/admin?saved";
    }
}
