package cn.duban.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.system.Paging;

/**
 * 审计日志: who changed what, when, with the value before and after. Written in the transaction of the change where
 * there is one; the actor is the signed-in user, or "system" for the timer and start-up.
 */
@Repository
public class AuditLog {

    public record Entry(long id, Instant at, String actor, String action, String subject, String before, String after) {}

    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change of {@code subject} (e.g. "user:jia", "plan:3", "rules/reminders.drl"); values as text or JSON. */
    public void record(String action, String subject, Object before, Object after) {
        jdbc.sql("insert into audit_log (at, actor, action, subject, before_value, after_value) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(Instant.now()), actor(), action, subject, text(before), text(after)).update();
    }

    /** The newest entries first, optionally only of one subject (or subjects starting with "prefix*") or actor. */
    public Paging.Page<Entry> list(String subject, String actor, Paging paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (subject != null && !subject.isBlank()) {
            boolean prefix = subject.endsWith("*");
            where.append(prefix ? " and subject like ?" : " and subject = ?");
            params.add(prefix ? subject.substring(0, subject.length() - 1).replace("%", "") + "%" : subject);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = ?");
            params.add(actor);
        }
        return paging.of(jdbc.sql("select id, at, actor, action, subject, before_value, after_value from audit_log" + where
                        + " order by id desc" + paging.sql())
                .params(params)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list(), jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single());
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null || "anonymousUser".equals(auth.getName()) ? SYSTEM : auth.getName();
    }

    private String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit value of " + value.getClass().getSimpleName(), e);
        }
    }
}
