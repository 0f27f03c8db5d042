package cn.duban.rules;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.ApiException;

/** The rule files in force (ADMIN): list, read, replace one after validation, reload the folder. */
@RestController
public class RulesController {

    private final RuleBase rules;

    public RulesController(RuleBase rules) {
        this.rules = rules;
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
        return Map.of("files", rules.write(name, content));
    }

    /** Compiles the rules folder again (after editing the files on disk); errors leave the rules in force. */
    @PostMapping("/api/admin/rules/reload")
    public Map<String, List<String>> reload() {
        return Map.of("files", rules.reload());
    }
}
