package cn.duban.report;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.system.Settings;
import cn.duban.workflow.Extensions;

/**
 * The dashboard's figures (督办看板): items by status and colour, completion by unit, completions by month and the
 * overdue list; a unit user sees only the items its units worked on. At province scale (100,000 items) a dashboard
 * reads every item, event and notification, so one computed for a scope (every plan or one, everything or a set of
 * units) serves every caller of that scope for {@code duban.dashboard-max-age}; callers arriving while it is being
 * computed wait for it instead of computing it again. {@code asOf} says when it was computed.
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
                            List<MonthCount> completedByMonth, List<OverdueItem> overdueItems, Instant asOf) {}

    /** What a dashboard depends on: every unit's items (seesAll) or those of the units listed, one plan or all, the day. */
    private record Scope(boolean seesAll, List<String> units, Long planId, LocalDate today) {}

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final Cache<Scope, Dashboard> recent;
    private final Duration maxAge;

    @Autowired
    public Statistics(JdbcClient jdbc, PlanStore plans, Settings settings) {
        this(jdbc, plans, settings.dashboardMaxAge());
    }

    /** With its own keeping time: the tests' and the benchmark's (zero: every dashboard computed afresh). */
    public Statistics(JdbcClient jdbc, PlanStore plans, Duration maxAge) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.recent = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(1000).build();
        this.maxAge = maxAge;
    }

    /** How old a dashboard may be when it is served. */
    public Duration maxAge() {
        return maxAge;
    }

    /** The user's dashboard, at most {@code duban.dashboard-max-age} old. */
    public Dashboard dashboard(UserAccount user, Long planId, LocalDate today) {
        Scope scope = new Scope(user.seesAll(), user.seesAll() ? List.of() : user.units().stream().sorted().toList(), planId, today);
        return recent.get(scope, this::compute);
    }

    private Dashboard compute(Scope scope) {
        Long planId = scope.planId();
        LocalDate today = scope.today();
        StringBuilder where = new StringBuilder(" where i.status <> 'DRAFT'");
        List<Object> params = new ArrayList<>();
        if (planId != null) {
            where.append(" and i.plan_id = ?");
            params.add(planId);
        }
        if (!scope.seesAll()) {
            where.append(scope.units().isEmpty() ? " and 1 = 0" : " and exists (select 1 from item_event e where e.item_id = i.id and e.unit_code in ("
                    + String.join(",", scope.units().stream().map(u -> "?").toList()) + "))");
            params.addAll(scope.units());
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
        // reminders and escalations counted once per unit, not once per unit row (a correlated count per unit was
        // the dashboard's cost at province scale)
        String ofPlan = planId == null ? "" : " join item pi on pi.id = c.item_id where pi.plan_id = " + planId;
        Map<String, Integer> reminders = counts("select c.unit_code, count(*) from notification c" + ofPlan
                + (ofPlan.isEmpty() ? " where" : " and") + " c.kind <> 'ESCALATED' group by c.unit_code");
        Map<String, Integer> escalations = counts("select c.unit_code, count(*) from escalation c" + ofPlan + " group by c.unit_code");
        List<UnitStat> units = jdbc.sql("select e.unit_code, coalesce(u.name, e.unit_code), count(distinct i.id), "
                        + "count(distinct case when i.status = 'COMPLETED' then i.id end) from item i "
                        + "join item_event e on e.item_id = i.id and e.step = 'EXECUTE' and e.action = 'TASK_OPENED' "
                        + "left join unit u on u.code = e.unit_code" + where
                        // a caller with no units (an operator) sees nothing: "where" says so, and "in ()" is no SQL
                        + (scope.seesAll() || scope.units().isEmpty() ? ""
                                : " and e.unit_code in (" + String.join(",", scope.units().stream().map(x -> "?").toList()) + ")")
                        + " group by e.unit_code, u.name order by e.unit_code")
                .params(scope.seesAll() ? unitParams : concat(unitParams, scope.units()))
                .query((rs, n) -> new UnitStat(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        reminders.getOrDefault(rs.getString(1), 0), escalations.getOrDefault(rs.getString(1), 0))).list();
        // across plans, a chapter takes the heading of the newest plan that has it
        Map<String, String> titles = new LinkedHashMap<>();
        (planId == null ? plans.plans() : plans.plan(planId).stream().toList())
                .forEach(p -> p.chapters().forEach(titles::putIfAbsent));
        String chapter = "case when position('/' in i.path) > 0 then substring(i.path, 1, position('/' in i.path) - 1) else '' end";
        List<ChapterStat> chapters = jdbc.sql("select " + chapter + ", count(*), sum(case when i.status = 'COMPLETED' then 1 else 0 end) "
                        + "from item i" + where + " group by " + chapter + " order by min(i.id)")
                .params(params)
                .query((rs, n) -> new ChapterStat(rs.getString(1), titles.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getInt(2), rs.getInt(3))).list();
        int[] onTime = jdbc.sql("select count(*), sum(case when i.due is null or cast(i.completed_at as date) <= i.due then 1 else 0 end) "
                        + "from item i" + where + " and i.status = 'COMPLETED'")
                .params(params).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        Double onTimeRate = onTime[0] == 0 ? null : onTime[1] / (double) onTime[0];
        // only the late items are read: completed after their due date, or open past it (completed: null)
        List<LocalDate[]> late = jdbc.sql("select i.due, i.completed_at from item i" + where + " and i.due is not null and "
                        + "((i.status = 'COMPLETED' and cast(i.completed_at as date) > i.due) or (i.status = 'OPEN' and "
                        + Extensions.OVERDUE + "))")
                .params(concat(params, List.of(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today))))
                .query((rs, n) -> new LocalDate[] {rs.getDate(1).toLocalDate(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toLocalDateTime().toLocalDate()})
                .list();
        double averageDaysLate = late.stream()
                .mapToLong(l -> java.time.temporal.ChronoUnit.DAYS.between(l[0], l[1] == null ? today : l[1])).average().orElse(0);
        int overdueCount = (int) late.stream().filter(l -> l[1] == null).count();
        List<MonthCount> months = jdbc.sql("select i.completed_at from item i" + where + " and i.completed_at is not null")
                .params(params).query((rs, n) -> rs.getTimestamp(1).toLocalDateTime().toLocalDate().toString().substring(0, 7))
                .list().stream().collect(java.util.stream.Collectors.groupingBy(m -> m, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().map(e -> new MonthCount(e.getKey(), e.getValue().intValue())).toList();
        List<Object> overdueParams = concat(params, List.of(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today)));
        List<OverdueItem> overdue = jdbc.sql("select i.id, i.number, i.text, i.due, i.colour, i.escalation_level from item i" + where
                        + " and i.status = 'OPEN' and " + Extensions.OVERDUE + " order by i.due, i.id limit 200")
                .params(overdueParams)
                .query((rs, n) -> new OverdueItem(rs.getLong(1), rs.getString(2), cn.duban.plan.Item.titleOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getInt(6))).list();
        int open = byStatus.getOrDefault("OPEN", 0);
        int completed = byStatus.getOrDefault("COMPLETED", 0);
        return new Dashboard(open + completed, open, completed, overdueCount, colours, units, chapters, onTimeRate,
                averageDaysLate, months, overdue, Instant.now());
    }

    private Map<String, Integer> counts(String sql) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    private static List<Object> concat(List<Object> a, java.util.Collection<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
