package cn.duban.security;

import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.Paging;
import cn.duban.web.Paged;

@RestController
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** 审计日志, newest first: {@code subject} (e.g. user:jia, item:12, plan:3, rules/…; a trailing * matches a prefix), {@code actor} (ADMIN). */
    @GetMapping("/api/admin/audit")
    public ResponseEntity<List<AuditLog.Entry>> audit(@RequestParam(required = false) String subject,
                                                      @RequestParam(required = false) String actor, @ParameterObject Paging paging) {
        return Paged.response(audit.list(subject, actor, paging));
    }
}
