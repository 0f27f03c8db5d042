package cn.duban.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import cn.duban.system.Folders;
import cn.duban.system.Folders.FileText;
import cn.duban.system.Settings;

/**
 * The office's policy files as edited through the API or the pages — rule files and the holiday overrides — put in
 * force on this node and recorded in the database, from which every other node of a cluster takes them: at start,
 * every {@code duban.policy-sync-interval} and before each sweep. A node writes what it takes to its own rules
 * folder, so that a restart without the database reads the same files.
 */
@Component
public class PolicyFiles implements SchedulingConfigurer {

    static final String HOLIDAYS = "holidays.csv";
    private static final Logger log = LoggerFactory.getLogger(PolicyFiles.class);

    private record Change(long id, String name, byte[] content) {}

    private final JdbcClient jdbc;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final Set<Long> applied = ConcurrentHashMap.newKeySet();
    private final Duration syncInterval;

    public PolicyFiles(JdbcClient jdbc, RuleBase rules, WorkCalendar calendar, Settings settings) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.calendar = calendar;
        this.syncInterval = settings.policySyncInterval();
    }

    /** {@link #pull()} every {@code duban.policy-sync-interval}, first one interval after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::pull, syncInterval, syncInterval));
    }

    /**
     * Replaces or adds a rule file after compiling the whole set with it; the files in force. With {@code valuesOnly}
     * (the office, not an operator) only a decision table in force whose data cells alone changed is taken.
     */
    public synchronized List<String> writeRule(String name, byte[] content, boolean valuesOnly) throws IOException {
        if (valuesOnly) {
            DecisionTables.requireValuesOnly(name, rules.file(name), content);
        }
        List<String> files = rules.write(name, content);
        record(name, content);
        return files;
    }

    /** Replaces the holiday overrides after checking every line; the number of days they set. */
    public synchronized int writeHolidays(String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        int days = WorkCalendar.overrides(List.of(new FileText(HOLIDAYS, content))).size();
        putHolidays(content);
        record(HOLIDAYS, content);
        return days;
    }

    /** The holiday overrides in force, as text. */
    public String holidays() {
        return String.join("\n", Folders.read(rules.folder().toString(), "rules", HOLIDAYS).stream().map(FileText::content).toList());
    }

    /** Puts in force what other nodes changed since this one last looked (the latest version of each file). */
    public synchronized void pull() {
        List<Long> ids = jdbc.sql("select id from policy_change order by id").query(Long.class).list();
        List<Long> unseen = ids.stream().filter(id -> !applied.contains(id)).toList();
        if (unseen.isEmpty()) {
            return;
        }
        Map<String, Change> latest = new TreeMap<>();
        jdbc.sql("select id, name, content from policy_change where id >= ? order by id").param(unseen.get(0))
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list()
                .stream().filter(c -> !applied.contains(c.id())).forEach(c -> latest.put(c.name(), c));
        for (Change c : latest.values()) {
            try {
                if (c.name().equals(HOLIDAYS)) {
                    if (!holidays().equals(new String(c.content(), StandardCharsets.UTF_8))) {
                        putHolidays(c.content());
                        log.info("Holiday overrides taken from the database (change {})", c.id());
                    }
                } else if (rules.file(c.name()).map(f -> !Arrays.equals(f.bytes(), c.content())).orElse(true)) {
                    rules.write(c.name(), c.content());
                    log.info("Rule file {} taken from the database (change {})", c.name(), c.id());
                }
            } catch (IOException | RuntimeException e) {
                log.error("Policy change {} ({}) could not be put in force on this node: {}", c.id(), c.name(), e.getMessage());
            }
        }
        applied.addAll(unseen);
    }

    /** Before the calendar's coverage is first looked at (CalendarWarning on the same event). */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    void atStart() {
        pull();
    }

    private void putHolidays(byte[] content) throws IOException {
        Files.write(rules.materialize().resolve(HOLIDAYS), content);
        calendar.replace(List.of(new FileText(HOLIDAYS, content)));
    }

    private void record(String name, byte[] content) {
        jdbc.sql("insert into policy_change (name, content, changed_at) values (?, ?, ?)")
                .params(name, content, Timestamp.from(Instant.now())).update();
        // this node has it in force already
        jdbc.sql("select id, content from policy_change where name = ?").param(name)
                .query((rs, i) -> Arrays.equals(rs.getBytes(2), content) ? rs.getLong(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).forEach(applied::add);
    }
}
