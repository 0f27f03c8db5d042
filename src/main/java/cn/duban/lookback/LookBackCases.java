package cn.duban.lookback;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.duban.system.Paging;
import cn.duban.system.WriteBatch;

/** Look-back matches and cases in the database. */
@Repository
public class LookBackCases {

    /** OPEN: waiting for the unit or the supervisor; RESOLVED: verified as done; RECTIFYING: carried into this year. */
    public enum Status { OPEN, RESOLVED, RECTIFYING }

    public record Case(long id, long currentPlanId, long priorItemId, String unit, List<String> findings, String reasons,
                       Status status, String explanation, String rectification, LocalDate rectifyBy, String decision,
                       String verifiedBy, Instant verifiedAt, String verifyComment, Long rectificationItemId,
                       String processInstanceId) {}

    public record Match(long id, long priorItemId, String priorNumber, Long currentItemId, String currentNumber, double score,
                        String status) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public LookBackCases(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public boolean started(long currentPlanId) {
        return jdbc.sql("select count(*) from lookback_match where current_plan_id = ?").param(currentPlanId)
                .query(Long.class).single() > 0
                || jdbc.sql("select count(*) from lookback_case where current_plan_id = ?").param(currentPlanId)
                .query(Long.class).single() > 0;
    }

    /** A prior item's suggested match ({@code currentItemId} null: none found). */
    public record NewMatch(long priorItemId, Long currentItemId, double score) {}

    /** The plan's suggested matches, in one batch. */
    public void addMatches(long currentPlanId, List<NewMatch> matches) {
        batch.batchUpdate("insert into lookback_match (current_plan_id, prior_item_id, current_item_id, score, status) values (?, ?, ?, ?, ?)",
                matches.stream().map(m -> new Object[] {currentPlanId, m.priorItemId(), m.currentItemId(), m.score(),
                        m.currentItemId() == null ? "UNMATCHED" : "SUGGESTED"}).toList());
    }

    private static final String MATCHES = "select m.id, m.prior_item_id, p.number, m.current_item_id, c.number, m.score, m.status "
            + "from lookback_match m join item p on p.id = m.prior_item_id left join item c on c.id = m.current_item_id ";

    private static final String OF_PLAN = "where m.current_plan_id = ? order by p.seq, m.id";

    /** The plan's matches in the order of last year's items. */
    public List<Match> matches(long currentPlanId) {
        return jdbc.sql(MATCHES + OF_PLAN).param(currentPlanId).query(LookBackCases::match).list();
    }

    public Paging.Page<Match> matches(long currentPlanId, Paging paging) {
        return paging.of(jdbc.sql(MATCHES + OF_PLAN + paging.sql()).param(currentPlanId)
                        .query(LookBackCases::match).list(),
                jdbc.sql("select count(*) from lookback_match where current_plan_id = ?").param(currentPlanId).query(Long.class).single());
    }

    public Optional<Match> match(long id) {
        return jdbc.sql(MATCHES + "where m.id = ?").param(id).query(LookBackCases::match).optional();
    }

    private static Match match(ResultSet rs, int i) throws SQLException {
        return new Match(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5),
                rs.getDouble(6), rs.getString(7));
    }

    /** The office's decision on a match: confirmed, changed to another current item, or rejected. */
    public void decideMatch(long id, Long currentItemId, String status) {
        jdbc.sql("update lookback_match set current_item_id = ?, status = ? where id = ?").params(currentItemId, status, id).update();
    }

    /** A case to open: a prior item and one of its units, with the look-back rules' findings. */
    public record NewCase(long priorItemId, String unit, List<String> findings, String reasons) {}

    /** Opens the cases in one batch: their ids, in the same order. */
    public List<Long> addCases(long currentPlanId, List<NewCase> opened) {
        if (opened.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(connection -> connection.prepareStatement("insert into lookback_case (current_plan_id, prior_item_id, "
                + "unit_code, findings, reasons, status, created_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewCase c = opened.get(i);
                        ps.setLong(1, currentPlanId);
                        ps.setLong(2, c.priorItemId());
                        ps.setString(3, c.unit());
                        ps.setString(4, String.join(",", c.findings()));
                        ps.setString(5, c.reasons());
                        ps.setString(6, Status.OPEN.name());
                        ps.setTimestamp(7, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return opened.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(key -> ((Number) key.values().iterator().next()).longValue()).toList();
    }

    public void setProcess(long caseId, String processInstanceId) {
        WriteBatch.write(jdbc, "update lookback_case set process_instance_id = ? where id = ?", processInstanceId, caseId);
    }

    public Optional<Case> find(long id) {
        return jdbc.sql("select * from lookback_case where id = ?").param(id).query(LookBackCases::row).optional();
    }

    public List<Case> ofPlan(long currentPlanId) {
        return jdbc.sql("select * from lookback_case where current_plan_id = ? order by id").param(currentPlanId)
                .query(LookBackCases::row).list();
    }

    public void explain(long id, String explanation, String rectification, LocalDate rectifyBy) {
        jdbc.sql("update lookback_case set explanation = ?, rectification = ?, rectify_by = ? where id = ?")
                .params(explanation, rectification, rectifyBy == null ? null : Date.valueOf(rectifyBy), id).update();
    }

    public void verify(long id, String decision, String user, String comment) {
        jdbc.sql("update lookback_case set decision = ?, verified_by = ?, verified_at = ?, verify_comment = ? where id = ?")
                .params(decision, user, Timestamp.from(Instant.now()), comment, id).update();
    }

    public void close(long id, Status status, Long rectificationItemId) {
        jdbc.sql("update lookback_case set status = ?, rectification_item_id = ? where id = ?")
                .params(status.name(), rectificationItemId, id).update();
    }

    private static Case row(ResultSet rs, int i) throws SQLException {
        Date by = rs.getDate("rectify_by");
        Timestamp at = rs.getTimestamp("verified_at");
        return new Case(rs.getLong("id"), rs.getLong("current_plan_id"), rs.getLong("prior_item_id"), rs.getString("unit_code"),
                Arrays.asList(rs.getString("findings").split(",")), rs.getString("reasons"), Status.valueOf(rs.getString("status")),
                rs.getString("explanation"), rs.getString("rectification"), by == null ? null : by.toLocalDate(),
                rs.getString("decision"), rs.getString("verified_by"), at == null ? null : at.toInstant(),
                rs.getString("verify_comment"), rs.getObject("rectification_item_id", Long.class), rs.getString("process_instance_id"));
    }
}
