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

import cn.duban.org.Role;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Folders;
import cn.duban.system.Folders.FileText;
import cn.duban.system.Settings;

/**
 * The office's policy files as edited through the API or the pages — rule files and the holiday overrides — put in
 * force on this node and recorded in the database, from which every other node of a cluster takes them: at start,
 * every {@code duban.policy-sync-interval} and before each sweep. A node writes what it takes to its own rules
 * folder, so that a restart without the database reads the same files. A change made by a person is audited.
 */
@Component
public class PolicyFiles implements SchedulingConfigurer {

    static final String HOLIDAYS = "holidays.csv";
    private static final Logger log = LoggerFactory.getLogger(PolicyFiles.class);

    private record Change(long id, String name, byte[] content) {}

    /** What a holiday notice sets: its year, the days it states, what it says that could not be read; whether applied. */
    public record NoticeImport(int year, List<HolidayNotice.Day> days, List<String> unread, boolean applied) {}

    private final JdbcClient jdbc;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final Set<Long> applied = ConcurrentHashMap.newKeySet();
    private final Duration syncInterval;
    private final Caller caller;
    private final AuditLog audit;

    public PolicyFiles(JdbcClient jdbc, RuleBase rules, WorkCalendar calendar, Settings settings, Caller caller, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.calendar = calendar;
        this.syncInterval = settings.policySyncInterval();
        this.caller = caller;
        this.audit = audit;
    }

    /** {@link #pull()} every {@code duban.policy-sync-interval}, first one interval after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::pull, syncInterval, syncInterval));
    }

    /**
     * Replaces or adds a rule file (without a byte-order mark) after compiling the whole set with it; the files in
     * force. Unless the caller is an OPERATOR, only a decision table in force whose data cells alone changed is taken.
     */
    public synchronized List<String> writeRule(String name, byte[] body) throws IOException {
        byte[] content = new FileText(name, body).bytes();
        if (content.length == 0) {
            throw ApiException.badRequest("规则文件为空");
        }
        if (!caller.current().has(Role.OPERATOR)) {
            DecisionTables.requireValuesOnly(name, rules.file(name), content);
        }
        String before = rules.file(name).map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElse(null);
        List<String> files = rules.write(name, content);
        record(name, content);
        audit.record("RULE_FILE_WRITTEN", "rules/" + name, before, new String(content, StandardCharsets.UTF_8));
        return files;
    }

    /** Replaces the holiday overrides (date,type,name lines) after checking every line; the number of days they set. */
    public synchronized int writeHolidays(String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        int days;
        try {
            days = WorkCalendar.overrides(List.of(new FileText(HOLIDAYS, content))).size();
        } catch (IllegalStateException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String before = holidays();
        putHolidays(content);
        record(HOLIDAYS, content);
        audit.record("HOLIDAYS_WRITTEN", "rules/holidays.csv", before, text);
        return days;
    }

    /**
     * Reads the State Council's holiday notice into the overrides of its year, as a preview; with {@code apply}, merges
     * them into holidays.csv in place of that year's earlier lines (refused while anything could not be read).
     */
    public synchronized NoticeImport importNotice(String text, boolean apply) throws IOException {
        HolidayNotice notice;
        try {
            notice = HolidayNotice.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (apply) {
            if (!notice.unread().isEmpty()) {
                throw ApiException.badRequest("通知中有未能识别的内容, 未导入: " + String.join("; ", notice.unread()));
            }
            writeHolidays(notice.mergeInto(holidays()));
        }
        return new NoticeImport(notice.year(), notice.days(), notice.unread(), apply);
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
