package cn.duban.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** What units report (进展情况, with 佐证材料) and how each report was reviewed. */
@Repository
public class ProgressReports {

    /** PROGRESS: an interim report; SUBMISSION: a report handed in for review. */
    public enum Kind { PROGRESS, SUBMISSION }

    public enum Decision { APPROVE, RETURN }

    public record Report(long id, long itemId, String unit, Kind kind, String summary, int percent,
                         List<String> evidence, String submittedBy, Instant submittedAt, Decision decision,
                         String reviewedBy, Instant reviewedAt, String reviewComment) {}

    private static final String COLUMNS = "id, item_id, unit_code, kind, summary, percent, evidence, submitted_by, "
            + "submitted_at, decision, reviewed_by, reviewed_at, review_comment";

    private final JdbcClient jdbc;

    public ProgressReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long itemId, String unit, String taskId, Kind kind, String summary, int percent,
                    List<String> evidence, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into progress_report (item_id, unit_code, task_id, kind, summary, percent, evidence, submitted_by, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, unit, taskId, kind.name(), summary, percent, String.join("\n", evidence), user,
                        Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The unit's latest submission still waiting for review. */
    public Optional<Report> awaitingReview(long itemId, String unit) {
        return jdbc.sql("select " + COLUMNS + " from progress_report where item_id = ? and unit_code = ? "
                        + "and kind = 'SUBMISSION' and decision is null order by id desc")
                .params(itemId, unit).query(ProgressReports::report).list().stream().findFirst();
    }

    public void review(long reportId, Decision decision, String reviewer, String comment) {
        jdbc.sql("update progress_report set decision = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? where id = ?")
                .params(decision.name(), reviewer, Timestamp.from(Instant.now()), comment, reportId).update();
    }

    /** How many of the unit's reports on the item were approved: the periods it has reported for. */
    public int approvedCount(long itemId, String unit) {
        return jdbc.sql("select count(*) from progress_report where item_id = ? and unit_code = ? and decision = 'APPROVE'")
                .params(itemId, unit).query(Integer.class).single();
    }

    /**
     * A quantitative requirement (每季度至少1次) against the reports counted (every report not returned): met once the
     * year's total reaches the count times the periods in a year.
     */
    public record Quota(String requirement, int required, int reports, boolean met) {

        /** 每季度至少1次 (全年4次): 已报送2次 (未达标) */
        public String text() {
            return requirement + (required == 0 || requirement.startsWith("每年") ? "" : " (全年" + required + "次)") + ": 已报送"
                    + reports + "次 (" + (met ? "达标" : "未达标") + ")";
        }
    }

    public List<Quota> quotas(cn.duban.plan.Item item) {
        return quotas(item, of(item.id()));
    }

    /** {@link #quotas(cn.duban.plan.Item)} against the item's reports, read before. */
    public static List<Quota> quotas(cn.duban.plan.Item item, List<Report> reports) {
        int counted = (int) reports.stream().filter(r -> r.decision() != Decision.RETURN).count();
        return item.requirements().stream().map(q -> {
            int periods = switch (q.per()) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case YEAR -> 1;
            };
            String per = switch (q.per()) {
                case MONTH -> "每月";
                case QUARTER -> "每季度";
                case YEAR -> "每年";
            };
            return new Quota(per + "至少" + q.count() + "次", q.count() * periods, counted, counted >= q.count() * periods);
        }).toList();
    }

    public List<Report> of(long itemId) {
        return jdbc.sql("select " + COLUMNS + " from progress_report where item_id = ? order by id")
                .param(itemId).query(ProgressReports::report).list();
    }

    /** The reports on every item of a plan, in one query: by item, each item's in order. */
    public java.util.Map<Long, List<Report>> ofPlan(long planId) {
        java.util.Map<Long, List<Report>> byItem = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from progress_report where item_id in (select id from item where plan_id = ?) order by id")
                .param(planId).query(ProgressReports::report).list()
                .forEach(r -> byItem.computeIfAbsent(r.itemId(), k -> new java.util.ArrayList<>()).add(r));
        return byItem;
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        String evidence = rs.getString("evidence");
        String decision = rs.getString("decision");
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Report(rs.getLong("id"), rs.getLong("item_id"), rs.getString("unit_code"),
                Kind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getInt("percent"),
                evidence == null || evidence.isEmpty() ? List.of() : Arrays.asList(evidence.split("\n")),
                rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                decision == null ? null : Decision.valueOf(decision), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_comment"));
    }
}
