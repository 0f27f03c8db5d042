package cn.duban.workflow;

import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.duban.system.WriteBatch;

/**
 * Many process starts in few engine flushes. The engine writes a command's rows when the command ends; a start made
 * inside a running command joins it, so starts grouped into one command are written together, in JDBC batches,
 * instead of one flush of a handful of statements each. Groups stay small because the engine orders a flush's
 * executions parent first by comparing each with the others. Our own rows of a group (the tasks opened, the trail,
 * the items' instances) go the same way, a {@link WriteBatch} to a group. Everything runs in the caller's transaction.
 */
@Component
public class BatchedStarts {

    private static final int PER_FLUSH = 100;

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    public BatchedStarts(RuntimeService runtime, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /** Calls {@code start} for every subject, {@value #PER_FLUSH} to an engine command. */
    public <T> void each(List<T> subjects, Consumer<T> start) {
        for (int from = 0; from < subjects.size(); from += PER_FLUSH) {
            List<T> group = subjects.subList(from, Math.min(subjects.size(), from + PER_FLUSH));
            ((ServiceImpl) runtime).getCommandExecutor().execute(context -> {
                WriteBatch.during(jdbc, () -> group.forEach(start));
                return null;
            });
        }
    }
}
