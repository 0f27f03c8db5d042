package cn.duban.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;

/**
 * The dashboard's figures (督办看板): items by status and colour, completion by unit, completions by month and the
 * overdue list; a unit user sees only the items its units worked on.
 */
@Service
public class Statistics {

    public record UnitStat(String unit, String unitName, int items, int completed, int reminders, int escalations) {}

    /** A chapter (一, 二…) of the plan, with its heading (across plans: the newest plan's). */
    public record ChapterStat(String chapter, String title, int items, int completed) {}

    public record MonthCount(String month, int completed) {}

    public record OverdueItem(long itemId, String number, String text, LocalDate due, String colour, int escalationLevel) {}

    /**
     * {@code onTimeRate}: the share of completed items completed by their due date (null before any is completed);
     * {@code averageDaysLate}: calendar days past due, averaged over the items completed late and those still open
     * past due as of today (0 when none is late).
     */
    public record Dashboard(int items, int open, int completed, int overdue, Map<String, Integer> colours,
                            List<UnitStat> units, List<ChapterStat> chapters, Double onTimeRate, double averageDaysLate,
                            List<MonthCount> completedByMonth, List<OverdueItem> overdueItems) {}

    private record Row(String chapter, boolean completed, LocalDate due, LocalDate completedOn) {}

    private final JdbcClient jdbc;
    private final PlanStore plans;

    public Statistics(JdbcClient jdbc, PlanStore plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    public Dashboard dashboard(UserAccount user, Long planId, LocalDate today) {
        StringBuilder where = new StringBuilder(" where i.status <> 'DRAFT'");
        List<Object> params = new ArrayList<>();
        if (planId != null) {
            where.append(" and i.plan_id = ?");
            params.add(planId);
        }
        if (!user.seesAll()) {
            where.append(user.units().isEmpty() ? " and 1 = 0" : " and exists (select 1 from item_event e where e.item_id = i.id and e.unit_code in ("
                    + String.join(",", user.units().stream().map(u -> "?").toList()) + "))");
            params.addAll(user.units());
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        jdbc.sql("select i.status, count(*) from item i" + where + " group by i.status").params(params)
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getInt(2))).list();
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (String c : List.of("RED", "YELLOW", "BLUE")) {
            colours.put(c, 0);
        }
        jdbc.sql("select i.colour, count(*) from item i" + where + " and i.status = 'OPEN' and i.colour is not null group by i.colour")
                .params(params).query((rs, n) -> colours.put(rs.getString(1), rs.getInt(2))).list();
        List<Object> unitParams = new ArrayList<>(params);
        List<UnitStat> units = jdbc.sql("select e.unit_code, coalesce(u.name, e.unit_code), count(distinct i.id), "
                        + "count(distinct case when i.status = 'COMPLETED' then i.id end), "
                        + "(select count(*) from notification n join item ni on ni.id = n.item_id where n.unit_code = e.unit_code"
                        + (planId == null ? "" : " and ni.plan_id = " + planId) + " and n.kind <> 'ESCALATED'), "
                        + "(select count(*) from escalation x join item xi on xi.id = x.item_id where x.unit_code = e.unit_code"
                        + (planId == null ? "" : " and xi.plan_id = " + planId) + ") from item i "
                        + "join item_event e on e.item_id = i.id and e.step = 'EXECUTE' and e.action = 'TASK_OPENED' "
                        + "left join unit u on u.code = e.unit_code" + where
                        + (user.seesAll() ? "" : " and e.unit_code in (" + String.join(",", user.units().stream().map(x -> "?").toList()) + ")")
                        + " group by e.unit_code, u.name order by e.unit_code")
                .params(user.seesAll() ? unitParams : concat(unitParams, user.units()))
                .query((rs, n) -> new UnitStat(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6))).list();
        List<Row> rows = jdbc.sql("select i.path, i.status, i.due, i.completed_at from item i" + where).params(params)
                .query((rs, n) -> new Row(rs.getString(1).contains("/") ? rs.getString(1).split("/")[0] : "",
                        "COMPLETED".equals(rs.getString(2)), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime().toLocalDate())).list();
        // across plans, a chapter takes the heading of the newest plan that has it
        Map<String, String> titles = new LinkedHashMap<>();
        (planId == null ? plans.plans() : plans.plan(planId).stream().toList())
                .forEach(p -> p.chapters().forEach(titles::putIfAbsent));
        List<ChapterStat> chapters = rows.stream().collect(java.util.stream.Collectors.groupingBy(Row::chapter,
                        LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .entrySet().stream().map(e -> new ChapterStat(e.getKey(), titles.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().size(), (int) e.getValue().stream().filter(Row::completed).count())).toList();
        List<Row> done = rows.stream().filter(Row::completed).toList();
        Double onTimeRate = done.isEmpty() ? null
                : done.stream().filter(r -> r.due() == null || !r.completedOn().isAfter(r.due())).count() / (double) done.size();
        double averageDaysLate = rows.stream().filter(r -> r.due() != null)
                .mapToLong(r -> java.time.temporal.ChronoUnit.DAYS.between(r.due(), r.completed() ? r.completedOn() : today))
                .filter(days -> days > 0).average().orElse(0);
        List<MonthCount> months = jdbc.sql("select i.completed_at from item i" + where + " and i.completed_at is not null")
                .params(params).query((rs, n) -> rs.getTimestamp(1).toLocalDateTime().toLocalDate().toString().substring(0, 7))
                .list().stream().collect(java.util.stream.Collectors.groupingBy(m -> m, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue().intValue())).toList();
        List<Object> overdueParams = concat(params, List.of(Date.valueOf(today)));
        List<OverdueItem> overdue = jdbc.sql("select i.id, i.number, i.text, i.due, i.colour, i.escalation_level from item i" + where
                        + " and i.status = 'OPEN' and i.due < ? order by i.due, i.id limit 200")
                .params(overdueParams)
                .query((rs, n) -> new OverdueItem(rs.getLong(1), rs.getString(2), cn.duban.plan.Item.titleOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getInt(6))).list();
        int open = byStatus.getOrDefault("OPEN", 0);
        int completed = byStatus.getOrDefault("COMPLETED", 0);
        return new Dashboard(open + completed, open, completed, overdue.size(), colours, units, chapters, onTimeRate,
                averageDaysLate, months, overdue);
    }

    private static List<Object> concat(List<Object> a, java.util.Collection<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
