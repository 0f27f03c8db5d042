package cn.duban.workflow;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.duban.system.Paging;

/**
 * The items whose escalation a sweep could not carry out (table sweep_failure): recorded by the sweep, retried by the
 * next ones, resolved the day one succeeds; the office sees them (GET /api/admin/sweep/failures, 管理 page).
 */
@Component
public class SweepFailures {

    /** An item's failure: open while {@code resolvedOn} is null. */
    public record Failure(long id, long itemId, long planId, String number, String text, LocalDate firstOn,
                          LocalDate lastOn, int attempts, String error, LocalDate resolvedOn) {}

    private final JdbcClient jdbc;

    public SweepFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The item's escalation failed on {@code day}: its open failure counts one more attempt, or one is opened. */
    public void record(long itemId, LocalDate day, String error) {
        int updated = jdbc.sql("update sweep_failure set last_on = ?, attempts = attempts + 1, error = ? "
                        + "where item_id = ? and resolved_on is null")
                .params(Date.valueOf(day), error, itemId).update();
        if (updated == 0) {
            jdbc.sql("insert into sweep_failure (item_id, first_on, last_on, attempts, error) values (?, ?, ?, 1, ?)")
                    .params(itemId, Date.valueOf(day), Date.valueOf(day), error).update();
        }
    }

    /** The items with an open failure (read once per sweep: most escalations have none to resolve). */
    public java.util.Set<Long> openItems() {
        return java.util.Set.copyOf(jdbc.sql("select item_id from sweep_failure where resolved_on is null").query(Long.class).list());
    }

    /** The item's escalation went through on {@code day}: its open failure, if any, is resolved. */
    public void resolve(long itemId, LocalDate day) {
        jdbc.sql("update sweep_failure set resolved_on = ? where item_id = ? and resolved_on is null")
                .params(Date.valueOf(day), itemId).update();
    }

    /** The open failures (or all), newest first. */
    public Paging.Page<Failure> list(boolean all, Paging paging) {
        String where = all ? "" : " where f.resolved_on is null";
        return paging.of(jdbc.sql("select f.id, f.item_id, i.plan_id, i.number, i.text, f.first_on, f.last_on, f.attempts, f.error, "
                        + "f.resolved_on from sweep_failure f join item i on i.id = f.item_id"
                        + where + " order by f.last_on desc, f.id desc" + paging.sql())
                .query((rs, i) -> {
                    Date resolved = rs.getDate(10);
                    return new Failure(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getString(9),
                            resolved == null ? null : resolved.toLocalDate());
                })
                .list(), jdbc.sql("select count(*) from sweep_failure f" + where).query(Long.class).single());
    }
}
