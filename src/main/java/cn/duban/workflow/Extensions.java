package cn.duban.workflow;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import cn.duban.plan.Item;
import cn.duban.system.ApiException;

/**
 * 延期申请 as stored: each unit's requests for a later due date and how they were decided ({@link ExtensionRequests}
 * takes and decides them). Once approved, the unit's due date is the new one: its effective due is the new date of
 * its latest approved extension, else the item's ({@link #DUE}).
 */
@Service
public class Extensions {

    /** The longest reason or decision comment kept. */
    public static final int MAX_TEXT = 4000;

    public enum Status { PENDING, APPROVED, REJECTED }

    /** A unit's request: the due it had, the date it asked for, why, and how it was decided. */
    public record Extension(long id, long itemId, String unit, LocalDate originalDue, LocalDate newDue, String reason,
                            Status status, String askedBy, Instant askedAt, String decidedBy, Instant decidedAt,
                            String comment) {}

    /**
     * The unit's effective due as SQL over {@code item i} and a unit code column {@code t.unit_code}: the new date of
     * its latest approved extension, else the item's due date.
     */
    static final String DUE = "coalesce((select e.new_due from extension e where e.item_id = i.id and e.unit_code = t.unit_code "
            + "and e.status = 'APPROVED' order by e.id desc limit 1), i.due)";

    /**
     * An open item of {@code item i} overdue as of a day, as SQL with that day as its three parameters: past its due
     * date with no unit's extension reaching the day, or any unit's open work past that unit's effective due.
     */
    public static final String OVERDUE = "((i.due < ? and not exists (select 1 from extension x where x.item_id = i.id "
            + "and x.status = 'APPROVED' and x.new_due >= ?)) or exists (select 1 from open_task t where t.item_id = i.id "
            + "and t.step = 'EXECUTE' and " + DUE + " < ?))";

    private final JdbcClient jdbc;

    public Extensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's effective due on the item: its latest approved extension's new date, else the item's due. */
    public LocalDate due(Item item, String unit) {
        return of(item.id()).stream().filter(e -> e.unit().equals(unit) && e.status() == Status.APPROVED)
                .reduce((first, second) -> second).map(Extension::newDue).orElse(item.deadline().due());
    }

    /** The item's extension requests, oldest first. */
    public List<Extension> of(long itemId) {
        return jdbc.sql(SELECT + " where item_id = ? order by id").param(itemId).query(Extensions::row).list();
    }

    /** The approved extensions of a plan's items, by item id then unit: the latest one of each unit. */
    public Map<Long, Map<String, Extension>> approved(long planId) {
        Map<Long, Map<String, Extension>> byItem = new LinkedHashMap<>();
        jdbc.sql(SELECT + " where status = 'APPROVED' and item_id in (select id from item where plan_id = ?) order by id")
                .param(planId).query(Extensions::row).list()
                .forEach(e -> byItem.computeIfAbsent(e.itemId(), k -> new LinkedHashMap<>()).put(e.unit(), e));
        return byItem;
    }

    /** The item's approved extensions: the latest one of each unit. */
    public Map<String, Extension> approvedOf(long itemId) {
        Map<String, Extension> byUnit = new LinkedHashMap<>();
        of(itemId).stream().filter(e -> e.status() == Status.APPROVED).forEach(e -> byUnit.put(e.unit(), e));
        return byUnit;
    }

    /**
     * The item's due as its open work counts it: the earliest of its units' effective dues (a unit without an approved
     * extension has the item's), so an item is overdue once any unit's date has passed.
     */
    public static LocalDate itemDue(LocalDate due, java.util.Collection<String> units, Map<String, Extension> extended) {
        return due == null ? null : units.stream().map(u -> extended.containsKey(u) ? extended.get(u).newDue() : due)
                .min(LocalDate::compareTo).orElse(due);
    }

    /** The extended dues of an item in words, one a line: "市甲局: 2026-09-30 → 2026-10-31 (延期)". */
    public static String extendedText(Map<String, Extension> extended, java.util.function.Function<String, String> unitName) {
        return String.join("\n", extended.values().stream()
                .map(e -> unitName.apply(e.unit()) + ": " + dates(e.originalDue(), e.newDue())).toList());
    }

    /** An original and an extended due in words: "2026-09-30 → 2026-10-31 (延期)". */
    public static String dates(LocalDate original, LocalDate extended) {
        return original + " → " + extended + " (延期)";
    }

    /**
     * Records a unit's waiting request; 409 while another of the unit's waits on the item (the database holds one:
     * pending_key is unique, so two requests at the same instant are one recorded, one refused).
     */
    Extension add(long itemId, String unit, LocalDate originalDue, LocalDate newDue, String reason, String askedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into extension (item_id, unit_code, original_due, new_due, reason, status, asked_by, asked_at, "
                            + "pending_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(itemId, unit, Date.valueOf(originalDue), Date.valueOf(newDue), reason, Status.PENDING.name(),
                            askedBy, Timestamp.from(Instant.now()), itemId + ":" + unit)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("本单位的延期申请正在审批中");
        }
        return find(key.getKey().longValue()).orElseThrow();
    }

    /** Records the decision on a waiting request; the request as decided. */
    Extension decide(long id, Status status, String decidedBy, String comment) {
        jdbc.sql("update extension set status = ?, decided_by = ?, decided_at = ?, comment = ?, pending_key = null where id = ?")
                .params(status.name(), decidedBy, Timestamp.from(Instant.now()), comment, id).update();
        return find(id).orElseThrow();
    }

    private Optional<Extension> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Extensions::row).optional();
    }

    private static final String SELECT = "select id, item_id, unit_code, original_due, new_due, reason, status, asked_by, "
            + "asked_at, decided_by, decided_at, comment from extension";

    private static Extension row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new Extension(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getDate(5).toLocalDate(), rs.getString(6), Status.valueOf(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10), decided == null ? null : decided.toInstant(),
                rs.getString(12));
    }
}
