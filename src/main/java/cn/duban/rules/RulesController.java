package cn.duban.rules;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.Today;
import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.org.Role;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;

import cn.duban.system.ApiException;
import cn.duban.system.Folders.FileText;

/**
 * The rule files in force: listed, read and simulated by ADMIN and OPERATOR; replaced after validation by OPERATOR,
 * and by ADMIN when only a decision table's values change; the folder reloaded by OPERATOR.
 */
@RestController
public class RulesController {

    private final AuditLog audit;
    private final PolicyFiles policy;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final PlanStore plans;
    private final Today today;
    private final Caller caller;
    private final OrgDirectory directory;

    public RulesController(RuleBase rules, WorkCalendar calendar, PlanStore plans, Today today, AuditLog audit,
                           PolicyFiles policy, Caller caller, OrgDirectory directory) {
        this.caller = caller;
        this.directory = directory;
        this.policy = policy;
        this.audit = audit;
        this.rules = rules;
        this.calendar = calendar;
        this.plans = plans;
        this.today = today;
    }

    /** The rule files in force and the folder they are edited in. */
    @GetMapping("/api/admin/rules")
    public Map<String, Object> files() {
        return Map.of("files", rules.files(), "folder", rules.folder().toString());
    }

    @GetMapping(value = "/api/admin/rules/{name}", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    public ResponseEntity<byte[]> file(@PathVariable String name) {
        return ResponseEntity.ok(rules.file(name).orElseThrow(() -> ApiException.notFound("规则文件不存在: " + name)).bytes());
    }

    /**
     * Compiles the set with this file first; a file with errors is refused with the compiler's message. Unless the
     * caller is an OPERATOR, only the data cells of a decision table in force may change, each a value of its column.
     */
    @PutMapping("/api/admin/rules/{name}")
    public Map<String, List<String>> replace(@PathVariable String name, @RequestBody byte[] body) throws IOException {
        byte[] content = new FileText(name, body).bytes(); // without a byte-order mark
        if (content.length == 0) {
            throw ApiException.badRequest("规则文件为空");
        }
        String before = rules.file(name).map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        List<String> files = policy.writeRule(name, content, !caller.current().has(Role.OPERATOR));
        audit.record("RULE_FILE_WRITTEN", "rules/" + name, before, new String(content, java.nio.charset.StandardCharsets.UTF_8));
        return Map.of("files", files);
    }

    /**
     * A preview of what the rules in force will do to a plan's items between two dates if nobody reports (or as
     * {@code completion} says): the simulation's events, day by day, for the units the directory assigns.
     */
    @GetMapping("/api/admin/rules/simulate")
    public List<Simulation.Event> simulate(@RequestParam long plan, @RequestParam(defaultValue = "none") String completion,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(defaultValue = "8") int weeks) {
        PlanRecord record = plans.plan(plan).orElseThrow(() -> ApiException.notFound("计划不存在: " + plan));
        Simulation.Completion mode;
        try {
            mode = Simulation.Completion.parse(completion);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ParsedPlan parsed = new ParsedPlan(record.title(), record.organ(), record.docNumber(), record.year(), record.issuedOn(),
                plans.items(plan).stream().map(Item::asParsed).toList(), List.of(), record.chapters());
        LocalDate start = from == null ? today.date() : from;
        LocalDate end = start.plusWeeks(Math.max(1, Math.min(weeks, 53)));
        return Simulation.run(parsed, rules, calendar, mode, directory::resolveAll).stream()
                .filter(e -> !e.date().isBefore(start) && e.date().isBefore(end)).toList();
    }

    /** The working-day calendar's overrides (holidays.csv). */
    @GetMapping(value = "/api/admin/holidays", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    public String holidays() {
        return policy.holidays();
    }

    /** Replaces the overrides (date,type,name lines): checked first, then written and in force at once. */
    @PutMapping(value = "/api/admin/holidays", consumes = MediaType.TEXT_PLAIN_VALUE)
    public Map<String, Object> replaceHolidays(@RequestBody String text) throws IOException {
        String before = holidays();
        int days;
        try {
            days = policy.writeHolidays(text);
        } catch (IllegalStateException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        audit.record("HOLIDAYS_WRITTEN", "rules/holidays.csv", before, text);
        return Map.of("days", days);
    }

    /** A pasted holiday notice ({"text": "…"}). */
    public record NoticeText(String text) {}

    /** What a holiday notice sets: its year, the days it states, what it says that could not be read; whether applied. */
    public record NoticeImport(int year, List<HolidayNotice.Day> days, List<String> unread, boolean applied) {}

    /**
     * Reads the State Council's holiday notice into the overrides of its year, as a preview; with {@code apply}, merges
     * them into holidays.csv in place of that year's earlier lines (refused while anything could not be read).
     */
    @PostMapping("/api/admin/holidays/notice")
    public NoticeImport importNotice(@RequestBody NoticeText body, @RequestParam(defaultValue = "false") boolean apply)
            throws IOException {
        HolidayNotice notice;
        try {
            notice = HolidayNotice.parse(body == null ? null : body.text());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (apply) {
            if (!notice.unread().isEmpty()) {
                throw ApiException.badRequest("通知中有未能识别的内容, 未导入: " + String.join("; ", notice.unread()));
            }
            replaceHolidays(notice.mergeInto(holidays()));
        }
        return new NoticeImport(notice.year(), notice.days(), notice.unread(), apply);
    }

    /** Compiles the rules folder again (after editing the files on disk); errors leave the rules in force. */
    @PostMapping("/api/admin/rules/reload")
    public Map<String, List<String>> reload() {
        List<String> before = rules.files();
        List<String> after = rules.reload();
        audit.record("RULES_RELOADED", "rules", before, after);
        return Map.of("files", after);
    }
}
