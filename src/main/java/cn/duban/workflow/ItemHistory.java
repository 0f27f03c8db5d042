package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.duban.system.WriteBatch;
import org.springframework.stereotype.Repository;

/** The audit trail of an item: every step, actor, time and comment. */
@Repository
public class ItemHistory {

    /** What happened to an item. */
    public enum Action { IMPORTED, ADDED, EDITED, LAUNCHED, NEEDS_ASSIGN, TASK_OPENED, SIGNED, ASSIGNED, PROGRESS, SUBMITTED, APPROVED, RETURNED, ESCALATED, SUPERVISED, URGED, EXPLAINED, LOOKBACK_RESOLVED,
        LOOKBACK_RECTIFYING, LEDGER_EDITED, CLOSED, REPORTED, INSTRUCTED, INSTRUCTION_ANSWERED, EXTENSION_REQUESTED,
        EXTENSION_APPROVED, EXTENSION_REJECTED, SPLIT }

    public record Event(Instant at, String actor, Step step, Action action, String unit, String comment) {}

    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;

    public ItemHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long itemId, String actor, Step step, Action action, String unit, String comment) {
        WriteBatch.write(jdbc, "insert into item_event (item_id, at, actor, step, action, unit_code, comment) values (?, ?, ?, ?, ?, ?, ?)",
                itemId, Timestamp.from(Instant.now()), actor, step == null ? null : step.name(), action.name(), unit, comment);
    }

    public List<Event> of(long itemId) {
        return jdbc.sql("select at, actor, step, action, unit_code, comment from item_event where item_id = ? order by id")
                .param(itemId)
                .query((rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : Step.valueOf(rs.getString(3)), Action.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6)))
                .list();
    }
}
