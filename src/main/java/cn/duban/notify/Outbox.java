package cn.duban.notify;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.duban.org.Contacts;
import cn.duban.org.Contacts.Channel;
import cn.duban.org.OrgDirectory;
import cn.duban.system.Sql;

/**
 * The transactional outbox: a message for every channel a unit reads, written in the transaction of the action
 * that caused it and keyed so that it is written, and sent, once. Reminders go out as one digest per unit and day;
 * escalations and urges at once.
 */
@Repository
public class Outbox {

    /** Reminder kinds that wait for the day's digest. */
    public static final List<String> DIGESTED = cn.duban.rules.Remind.KINDS;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final boolean mailConfigured;

    public Outbox(JdbcClient jdbc, OrgDirectory directory, ObjectProvider<JavaMailSender> mail) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mailConfigured = mail.getIfAvailable() != null;
    }

    /** Queues a message to the unit on each channel it reads; the key (plus channel) keeps it to one. */
    public int send(String unit, String key, String subject, String text) {
        Contacts contacts = directory.contacts(unit);
        int queued = 0;
        if (mailConfigured && contacts.reads(Channel.EMAIL)) {
            queued += enqueue(key + ":EMAIL", unit, Channel.EMAIL, String.join(",", contacts.emails()), subject, text);
        }
        if (contacts.reads(Channel.WEBHOOK)) {
            queued += enqueue(key + ":WEBHOOK", unit, Channel.WEBHOOK, contacts.webhookUrl(), subject,
                    webhookBody(contacts.webhookFormat(), unit, subject, text, key));
        }
        return queued;
    }

    /**
     * One digest per unit of the day's new reminders to it, {@code fresh} (each not yet recorded): the drafts come back
     * marked with the digest that carries them, to be recorded in the same transaction. The day's first digest to a
     * unit is keyed digest:DAY:UNIT, those of a later sweep that day digest:DAY:UNIT:2, :3…, so a sweep run again
     * sends nothing twice.
     */
    public List<Notifications.Draft> digest(LocalDate day, List<Notifications.Draft> fresh) {
        if (fresh.isEmpty()) {
            return fresh; // a quiet day: nothing to carry, no earlier digests to count
        }
        Map<String, List<Notifications.Draft>> byUnit = new TreeMap<>();
        fresh.stream().sorted(Comparator.comparingLong(Notifications.Draft::itemId))
                .forEach(d -> byUnit.computeIfAbsent(d.audience(), u -> new ArrayList<>()).add(d));
        Map<String, Integer> sent = new HashMap<>(); // the digests each unit had today
        jdbc.sql("select unit_code, count(distinct digest_key) from notification where on_date = ? and kind in ("
                        + Sql.marks(DIGESTED.size()) + ") group by unit_code")
                .params(Stream.concat(Stream.of(Date.valueOf(day)), DIGESTED.stream()).toList())
                .query(rs -> {
                    sent.put(rs.getString(1), rs.getInt(2));
                });
        List<Notifications.Draft> carried = new ArrayList<>(fresh.size());
        for (Map.Entry<String, List<Notifications.Draft>> e : byUnit.entrySet()) {
            String unit = e.getKey();
            int n = sent.getOrDefault(unit, 0) + 1;
            String key = "digest:" + day + ":" + unit + (n == 1 ? "" : ":" + n);
            StringBuilder text = new StringBuilder();
            int i = 0;
            for (Notifications.Draft d : e.getValue()) {
                text.append(++i).append(". ").append(d.message()).append('\n');
                carried.add(d.carriedBy(key));
            }
            String subject = "【督办提醒】" + day + (n == 1 ? "" : " (第" + n + "批)") + " 共 " + i + " 条";
            send(unit, key, subject, text.toString());
        }
        return carried;
    }

    private int enqueue(String key, String unit, Channel channel, String recipient, String subject, String body) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("insert into outbox (idempotency_key, unit_code, channel, recipient, subject, body, status, "
                        + "next_attempt_at, created_at) select ?, ?, ?, ?, ?, ?, 'PENDING', ?, ? from (values (0)) v "
                        + "where not exists (select 1 from outbox where idempotency_key = ?)")
                .params(key, unit, channel.name(), recipient, subject, body, now, now, key)
                .update();
    }

    /** The webhook body: a generic JSON object, or the markdown message DingTalk and WeCom group robots accept. */
    static String webhookBody(Contacts.WebhookFormat format, String unit, String subject, String text, String key) {
        ObjectNode body = JSON.createObjectNode();
        String markdown = "#### " + subject + "\n\n" + text.strip().replace("\n", "\n\n");
        switch (format == null ? Contacts.WebhookFormat.JSON : format) {
            case DINGTALK -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("title", subject).put("text", markdown);
            }
            case WECOM -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("content", markdown);
            }
            default -> body.put("unit", unit).put("subject", subject).put("text", text).put("key", key);
        }
        return body.toString();
    }
}
