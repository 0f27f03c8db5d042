package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Files a unit attaches to its report as evidence. */
@Repository
public class Attachments {

    public record Attachment(long id, long itemId, String unit, Long reportId, String filename, String contentType,
                             long size, String uploadedBy, Instant uploadedAt) {}

    private static final String COLUMNS = "id, item_id, unit_code, report_id, filename, content_type, size_bytes, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    public Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long itemId, String unit, String filename, String contentType, byte[] content, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into attachment (item_id, unit_code, filename, content_type, size_bytes, content, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, unit, filename, contentType, content.length, content, user, Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Attachment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where id = ?").param(id).query(this::row).optional();
    }

    public List<Attachment> of(long itemId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where item_id = ? order by id").param(itemId)
                .query(this::row).list();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from attachment where id = ?").param(id).query(byte[].class).single();
    }

    public void linkToReport(long id, long reportId) {
        jdbc.sql("update attachment set report_id = ? where id = ?").params(reportId, id).update();
    }

    private Attachment row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Long report = rs.getObject("report_id", Long.class);
        return new Attachment(rs.getLong("id"), rs.getLong("item_id"), rs.getString("unit_code"), report, rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
