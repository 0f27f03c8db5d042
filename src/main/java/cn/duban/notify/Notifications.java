package cn.duban.notify;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reminders to units (提醒), recorded once per item, unit, kind and day; delivery reads them from here. */
@Repository
public class Notifications {

    public record Notification(long id, long itemId, String unit, String kind, LocalDate onDate, String message,
                               Instant createdAt, Instant readAt) {}

    private final JdbcClient jdbc;

    public Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reminder unless the unit already has one of this kind about the item that day; true if new. */
    public boolean addOnce(long itemId, String unit, String kind, LocalDate day, String message) {
        return jdbc.sql("insert into notification (item_id, unit_code, kind, on_date, message, created_at) "
                        + "select ?, ?, ?, ?, ?, ? from (values (0)) v where not exists (select 1 from notification "
                        + "where item_id = ? and unit_code = ? and kind = ? and on_date = ?)")
                .params(itemId, unit, kind, Date.valueOf(day), message, Timestamp.from(Instant.now()),
                        itemId, unit, kind, Date.valueOf(day))
                .update() == 1;
    }

    /** The item's reminders, all of them or only those to the given units. */
    public List<Notification> ofItem(long itemId, Collection<String> units) {
        String unitFilter = units == null ? "" : units.isEmpty() ? " and 1 = 0"
                : " and unit_code in (" + String.join(",", units.stream().map(u -> "?").toList()) + ")";
        List<Object> params = new java.util.ArrayList<>();
        params.add(itemId);
        if (units != null) {
            params.addAll(units);
        }
        return jdbc.sql("select id, item_id, unit_code, kind, on_date, message, created_at, read_at from notification "
                        + "where item_id = ?" + unitFilter + " order by on_date, id")
                .params(params)
                .query((rs, i) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }
}
