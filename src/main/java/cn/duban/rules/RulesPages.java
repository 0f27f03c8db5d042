package cn.duban.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.AdminPage;
import cn.duban.org.Role;
import cn.duban.plan.PlanStore;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;

/**
 * 规则: the rules in force with validated uploads and a preview (ADMIN, and OPERATOR, who alone changes .drl files);
 * the working-day calendar's overrides and the holiday notice on 管理.
 */
@Controller
public class RulesPages {

    private final Caller caller;
    private final RuleBase rules;
    private final PolicyFiles policy;
    private final RulePreview preview;
    private final PlanStore plans;
    private final AdminPage adminPage;

    public RulesPages(Caller caller, RuleBase rules, PolicyFiles policy, RulePreview preview, PlanStore plans,
                      AdminPage adminPage) {
        this.caller = caller;
        this.rules = rules;
        this.policy = policy;
        this.preview = preview;
        this.plans = plans;
        this.adminPage = adminPage;
    }

    /**
     * 规则: the files in force, one file's text to edit, and a preview of the coming weeks on a plan with the scores at
     * the end of its year, as the units report ({@code completion}: none, ontime, random:SEED).
     */
    @GetMapping("/rules")
    public String rules(@RequestParam(required = false) String file, @RequestParam(required = false) Long plan,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(defaultValue = "none") String completion, Model model) {
        if (file != null) {
            model.addAttribute("text", new String(rules.file(file).orElseThrow(() -> ApiException.notFound("规则文件不存在: " + file))
                    .bytes(), StandardCharsets.UTF_8));
        }
        model.addAttribute("plan", plan);
        if (plan != null) {
            Simulation.Year year = preview.simulate(plan, completion, from, 8);
            model.addAttribute("events", year.events());
            model.addAttribute("scores", year.scores());
            model.addAttribute("from", from);
            model.addAttribute("completion", completion);
        }
        return page(file, model);
    }

    /** A new version of a rule file: compiled with the others first; an error shows the compiler's message. */
    @PostMapping("/rules/{file}")
    public String upload(@PathVariable String file, @RequestParam String text, Model model) throws IOException {
        try {
            policy.writeRule(file, text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        } catch (RuleBase.CompileException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("problems", e.problems());
            model.addAttribute("text", text);
            return page(file, model);
        }
        return "redirect:/rules?file=" + file + "&saved";
    }

    private String page(String file, Model model) {
        model.addAttribute("me", caller.current());
        model.addAttribute("files", rules.files());
        model.addAttribute("folder", rules.folder());
        model.addAttribute("file", file);
        model.addAttribute("editable", editable(file));
        model.addAttribute("plans", plans.plans());
        return "rules";
    }

    /** An operator may change any rule file; the office only a decision table's values. */
    private boolean editable(String file) {
        return caller.current().has(Role.OPERATOR) || file == null || !file.endsWith(".drl");
    }

    @PostMapping("/admin/holidays")
    public String holidays(@RequestParam String text) throws IOException {
        policy.writeHolidays(text.replace("\r\n", "\n"));
        return "redirect:/admin?saved";
    }

    /** 导入节假日安排通知: the notice's days as a table to check (预览), or merged into holidays.csv (确认导入). */
    @PostMapping("/admin/holidays/notice")
    public String holidayNotice(@RequestParam String text, @RequestParam(defaultValue = "false") boolean apply, Model model)
            throws IOException {
        model.addAttribute("noticeText", text);
        try {
            model.addAttribute("notice", policy.importNotice(text, apply));
        } catch (ApiException e) {
            model.addAttribute("noticeError", e.getMessage());
        }
        return adminPage.show(model);
    }
}
