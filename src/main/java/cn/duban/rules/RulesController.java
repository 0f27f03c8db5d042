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
import cn.duban.security.AuditLog;

import cn.duban.system.ApiException;

/** The rule files in force (ADMIN): list, read, replace one after validation, reload the folder. */
@RestController
public class RulesController {

    private final AuditLog audit;
    private final PolicyFiles policy;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final PlanStore plans;
    private final Today today;
    private final OrgDirectory directory;

    public RulesController(RuleBase rules, WorkCalendar calendar, PlanStore plans, Today today, AuditLog audit,
                           PolicyFiles policy, OrgDirectory directory) {
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

    /** Compiles the set with this file first; a file with errors is refused with the compiler's message. */
    @PutMapping("/api/admin/rules/{name}")
    public Map<String, List<String>> replace(@PathVariable String name, @RequestBody byte[] content) throws IOException {
        if (content.length == 0) {
            throw ApiException.badRequest("规则文件为空");
        }
        String before = rules.file(name).map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        List<String> files = policy.writeRule(name, content);
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

    /** Compiles the rules folder again (after editing the files on disk); errors leave the rules in force. */
    @PostMapping("/api/admin/rules/reload")
    public Map<String, List<String>> reload() {
        List<String> before = rules.files();
        List<String> after = rules.reload();
        audit.record("RULES_RELOADED", "rules", before, after);
        return Map.of("files", after);
    }
}
