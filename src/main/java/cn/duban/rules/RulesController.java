package cn.duban.rules;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;

/**
 * The rule files in force: listed, read and simulated by ADMIN and OPERATOR; replaced after validation by OPERATOR,
 * and by ADMIN when only a decision table's values change; the folder reloaded by OPERATOR.
 */
@RestController
public class RulesController {

    private final AuditLog audit;
    private final PolicyFiles policy;
    private final RuleBase rules;
    private final RulePreview preview;

    public RulesController(RuleBase rules, RulePreview preview, AuditLog audit, PolicyFiles policy) {
        this.policy = policy;
        this.audit = audit;
        this.rules = rules;
        this.preview = preview;
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

    /** Compiles the set with this file first; a file with errors is refused with the compiler's message (see PolicyFiles). */
    @PutMapping("/api/admin/rules/{name}")
    public Map<String, List<String>> replace(@PathVariable String name, @RequestBody byte[] body) throws IOException {
        return Map.of("files", policy.writeRule(name, body));
    }

    /** A preview of what the rules in force will do to a plan's items between two dates (see RulePreview). */
    @GetMapping("/api/admin/rules/simulate")
    public List<Simulation.Event> simulate(@RequestParam long plan, @RequestParam(defaultValue = "none") String completion,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(defaultValue = "8") int weeks) {
        return preview.simulate(plan, completion, from, weeks).events();
    }

    /** The working-day calendar's overrides (holidays.csv). */
    @GetMapping(value = "/api/admin/holidays", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    public String holidays() {
        return policy.holidays();
    }

    /** Replaces the overrides (date,type,name lines): checked first, then written and in force at once. */
    @PutMapping(value = "/api/admin/holidays", consumes = MediaType.TEXT_PLAIN_VALUE)
    public Map<String, Object> replaceHolidays(@RequestBody String text) throws IOException {
        return Map.of("days", policy.writeHolidays(text));
    }

    /** A pasted holiday notice ({"text": "…"}). */
    public record NoticeText(String text) {}

    /** The notice as a preview, or with {@code apply} merged into holidays.csv (see PolicyFiles). */
    @PostMapping("/api/admin/holidays/notice")
    public PolicyFiles.NoticeImport importNotice(@RequestBody NoticeText body, @RequestParam(defaultValue = "false") boolean apply)
            throws IOException {
        return policy.importNotice(body == null ? null : body.text(), apply);
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
