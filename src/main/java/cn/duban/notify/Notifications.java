package cn.duban.notify;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.duban.org.Role;
import cn.duban.org.UserAccount;
import cn.duban.system.Paging;
import cn.duban.system.Sql;

/**
 * The in-app inbox: reminders, escalation notices and urges (催办). Each is addressed to an audience — a unit's
 * code, or SUPERVISOR / ADMIN — and recorded once per dedupe key.
 */
@Repository
public class Notifications {

    public record Notification(long id, long itemId, String audience, String kind, LocalDate onDate, String message,
                               String taskId, String createdBy, Instant createdAt, Instant readAt) {}

    /**
     * A notification to record, keyed by {@code key}; a reminder also names the digest that carries it to the unit
     * ({@code digestKey}, {@link Outbox#digest}), null for the rest.
     */
    public record Draft(String key, long itemId, String audience, String kind, LocalDate day, String message, String digestKey) {

        public Draft(String key, long itemId, String audience, String kind, LocalDate day, String message) {
            this(key, itemId, audience, kind, day, message, null);
        }

        public Draft carriedBy(String digest) {
            return new Draft(key, itemId, audience, kind, day, message, digest);
        }
    }

    private static final String COLUMNS = "id, item_id, unit_code, kind, on_date, message, task_id, created_by, created_at, read_at";

    private static final String INSERT = "insert into notification (item_id, unit_code, kind, on_date, message, dedupe_key, "
            + "task_id, created_by, created_at, digest_key) ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Notifications(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Records a notification unless one with the same key exists; its id when new. */
    public Optional<Long> addOnce(String key, long itemId, String audience, String kind, LocalDate day, String message,
                                  String taskId, String createdBy) {
        List<Object> row = new ArrayList<>(Arrays.asList(row(new Draft(key, itemId, audience, kind, day, message), taskId, createdBy)));
        row.add(key);
        int added = jdbc.sql(INSERT + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (0)) v "
                + "where not exists (select 1 from notification where dedupe_key = ?)").params(row).update();
        return added == 0 ? Optional.empty()
                : Optional.of(jdbc.sql("select id from notification where dedupe_key = ?").param(key).query(Long.class).single());
    }

    /**
     * The drafts whose key no notification has yet (the daily sweep's reminders): the keys recorded on the drafts'
     * days are read once rather than looked up row by row.
     */
    public List<Draft> unrecorded(List<Draft> drafts) {
        List<Date> days = drafts.stream().map(d -> Date.valueOf(d.day())).distinct().toList();
        if (days.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>(jdbc.sql("select dedupe_key from notification where on_date in ("
                + Sql.marks(days.size()) + ")").params(days).query(String.class).list());
        return drafts.stream().filter(d -> known.add(d.key())).toList();
    }

    /**
     * Records the drafts, {@link #unrecorded} a moment before, in one batch. Every row is inserted or the batch fails:
     * a key another transaction records meanwhile fails it (the sweep runs under its lock, and only it writes
     * reminder keys), and a driver that rewrites the batch reports no per-row counts.
     */
    public void addAll(List<Draft> drafts, String createdBy) {
        batch.batchUpdate(INSERT + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", drafts.stream().map(d -> row(d, null, createdBy)).toList());
    }

    private static Object[] row(Draft d, String taskId, String createdBy) {
        return new Object[] {d.itemId(), d.audience(), d.kind(), Date.valueOf(d.day()), d.message(), d.key(), taskId, createdBy,
                Timestamp.from(Instant.now()), d.digestKey()};
    }

    /** What a user's inbox holds, newest first: its units' notifications; SUPERVISOR also the reviewers'; ADMIN everything. */
    public Paging.Page<Notification> inbox(UserAccount user, boolean unreadOnly, Paging paging) {
        Audience a = audience(user);
        String where = " from notification where " + a.where() + (unreadOnly ? " and read_at is null" : "");
        return paging.of(jdbc.sql("select " + COLUMNS + where + " order by id desc" + paging.sql())
                        .params(a.params()).query(Notifications::row).list(),
                jdbc.sql("select count(*)" + where).params(a.params()).query(Long.class).single());
    }

    /** Marks a notification of the user's inbox read; false when it is not in the inbox. */
    public boolean markRead(long id, UserAccount user) {
        Audience a = audience(user);
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(Instant.now()), id));
        params.addAll(a.params());
        return jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and " + a.where())
                .params(params).update() == 1;
    }

    /** The item's notifications: all of them, or only those to the given units. */
    public List<Notification> ofItem(long itemId, Collection<String> units) {
        List<Object> params = new ArrayList<>(List.of(itemId));
        String filter = "";
        if (units != null) {
            filter = units.isEmpty() ? " and 1 = 0" : " and unit_code in (" + Sql.marks(units.size()) + ")";
            params.addAll(units);
        }
        return jdbc.sql("select " + COLUMNS + " from notification where item_id = ?" + filter + " order by on_date, id")
                .params(params).query(Notifications::row).list();
    }

    public Optional<Notification> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id).query(Notifications::row).optional();
    }

    /** When the task was last urged, if ever. */
    public Optional<Instant> lastUrge(String taskId) {
        return jdbc.sql("select max(created_at) from notification where task_id = ? and kind = 'URGE'").param(taskId)
                .query((rs, i) -> rs.getTimestamp(1)).optional().filter(t -> t != null).map(Timestamp::toInstant);
    }

    private record Audience(String where, List<Object> params) {}

    private static Audience audience(UserAccount user) {
        if (user.isAdmin()) {
            return new Audience("1 = 1", List.of());
        }
        List<Object> params = new ArrayList<>(user.units());
        if (user.has(Role.SUPERVISOR)) {
            params.add(Role.SUPERVISOR.name());
        }
        return params.isEmpty() ? new Audience("1 = 0", List.of())
                : new Audience("unit_code in (" + Sql.marks(params.size()) + ")", params);
    }

    private static Notification row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp read = rs.getTimestamp(10);
        return new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                read == null ? null : read.toInstant());
    }
}
