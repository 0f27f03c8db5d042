package cn.duban.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;

/** The outbox as the office watches it (ADMIN): what waits, what was sent, what failed and why. */
@RestController
public class OutboxController {

    public record OutboxEntry(long id, String key, String unit, String channel, String recipient, String subject,
                              String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                              Instant sentAt) {}

    private final JdbcClient jdbc;

    public OutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/outbox")
    public ResponseEntity<List<OutboxEntry>> outbox(@RequestParam(required = false) String status, @ParameterObject Paging paging) {
        if (status != null && !List.of("PENDING", "SENT", "FAILED").contains(status)) {
            throw ApiException.badRequest("status 须为 PENDING、SENT 或 FAILED");
        }
        String where = " from outbox" + (status == null ? "" : " where status = ?");
        List<String> params = status == null ? List.of() : List.of(status);
        return Paged.response(paging.of(jdbc.sql("select id, idempotency_key, unit_code, channel, recipient, subject, status, "
                        + "attempts, next_attempt_at, nullif(last_error, ''), created_at, sent_at" + where + " order by id desc"
                        + paging.sql())
                .params(params)
                .query((rs, i) -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), instant(rs.getTimestamp(9)),
                        rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))))
                .list(), jdbc.sql("select count(*)" + where).params(params).query(Long.class).single()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
