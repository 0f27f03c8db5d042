package cn.duban.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a bulk operation writes, sent in JDBC batches instead of one statement and one round trip each. Inside
 * {@link #during}, a statement given to {@link #write} on the same thread is kept, and what was kept is sent when the
 * work ends, in the caller's transaction: one batch per statement, in the order the statements were first given.
 * Outside, {@link #write} runs the statement at once.
 * <p>
 * What is kept is not in the database until the work ends: the work must not read it back, and a statement that
 * changes rows otherwise (a task removed in the same work that opened it) calls {@link #send} first.
 */
public final class WriteBatch {

    private record Pending(JdbcTemplate jdbc, Map<String, List<Object[]>> statements) {}

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private WriteBatch() {}

    /** Runs {@code work}, keeping what it {@link #write}s, and sends it (nothing when the work fails). */
    public static void during(JdbcTemplate jdbc, Runnable work) {
        if (PENDING.get() != null) {
            work.run(); // inside another bulk work: that one sends
            return;
        }
        PENDING.set(new Pending(jdbc, new LinkedHashMap<>()));
        try {
            work.run();
            send();
        } finally {
            PENDING.remove();
        }
    }

    /** Runs an insert or update now, or keeps it for the batch of the bulk work running on this thread. */
    public static void write(JdbcClient jdbc, String sql, Object... params) {
        Pending pending = PENDING.get();
        if (pending == null) {
            jdbc.sql(sql).params(params).update();
        } else {
            pending.statements().computeIfAbsent(sql, k -> new ArrayList<>()).add(params);
        }
    }

    /** Sends what the bulk work running on this thread kept so far, if any. */
    public static void send() {
        Pending pending = PENDING.get();
        if (pending != null) {
            pending.statements().forEach(pending.jdbc()::batchUpdate);
            pending.statements().clear();
        }
    }
}
