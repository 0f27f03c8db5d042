package cn.duban.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.rules.Periods;
import cn.duban.rules.RuleBase;
import cn.duban.rules.ScoreLine;
import cn.duban.rules.Scoring;
import cn.duban.rules.UnitYear;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.ApiException;
import cn.duban.workflow.Extensions;

/**
 * 考评: each unit's score on a plan, from what is stored — its reports and their reviews against the items' due
 * dates (a unit's extended due, when its 延期 was approved), the escalations, the look-back's findings and the
 * approved extensions — as of a day (at most the plan year's end), in the same few
 * queries whatever the plan's size.
 */
@Service
public class Scores {

    /** A report's review: the unit's, on an item, approved or returned (or not yet reviewed), and when. */
    private record Review(long itemId, String unit, String decision, LocalDate submitted, LocalDate reviewed) {}

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final OrgDirectory directory;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final Extensions extensions;

    public Scores(JdbcClient jdbc, PlanStore plans, OrgDirectory directory, RuleBase rules, WorkCalendar calendar,
                  Extensions extensions) {
        this.extensions = extensions;
        this.jdbc = jdbc;
        this.plans = plans;
        this.directory = directory;
        this.rules = rules;
        this.calendar = calendar;
    }

    /** The scores a user may see: every unit's for reviewers, a unit user's own units' only (with their rank among all). */
    public List<Scoring.UnitScore> of(UserAccount user, long planId, LocalDate today) {
        PlanRecord plan = plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        return of(plan, today).stream().filter(s -> user.seesAll() || user.units().contains(s.unit())).toList();
    }

    /** Every unit's score on the plan, best first. */
    public List<Scoring.UnitScore> of(PlanRecord plan, LocalDate today) {
        LocalDate afterYear = LocalDate.of(plan.year() + 1, 1, 1);
        LocalDate asOf = today.isBefore(afterYear) ? today : afterYear;
        Map<String, List<Review>> reviews = new HashMap<>();
        jdbc.sql("select r.item_id, r.unit_code, r.decision, r.submitted_at, r.reviewed_at from progress_report r "
                        + "join item i on i.id = r.item_id where i.plan_id = ? order by r.reviewed_at, r.id")
                .param(plan.id())
                .query((rs, n) -> reviews.computeIfAbsent(rs.getLong(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                        .add(new Review(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toLocalDateTime().toLocalDate(),
                                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toLocalDateTime().toLocalDate())))
                .list();
        Map<String, Integer> escalations = counts("select x.unit_code, count(*) from escalation x join item i on i.id = x.item_id "
                + "where i.plan_id = ? and x.unit_code is not null group by x.unit_code", plan.id());
        Map<String, Integer> findings = new HashMap<>();
        jdbc.sql("select unit_code, findings from lookback_case where current_plan_id = ?").param(plan.id())
                .query((rs, n) -> findings.merge(rs.getString(1), rs.getString(2).split(",").length, Integer::sum)).list();
        Map<String, Integer> extended = counts("select e.unit_code, count(*) from extension e join item i on i.id = e.item_id "
                + "where i.plan_id = ? and e.status = 'APPROVED' group by e.unit_code", plan.id());
        Map<Long, Map<String, Extensions.Extension>> extensions = this.extensions.approved(plan.id());
        Map<String, List<UnitYear.Part>> parts = new LinkedHashMap<>();
        LocalDate start = Periods.start(plan.issuedOn(), plan.year());
        for (Item item : plans.items(plan.id())) {
            if (item.status() == Item.Status.DRAFT) {
                continue;
            }
            ParsedItem parsed = item.asParsed();
            List<Periods.Period> periods = Periods.ofItem(item.deadline(), plan.issuedOn(), plan.year());
            List<String> executing = parsed.executingUnits(directory::resolveAll);
            String lead = parsed.consolidatingUnit(directory::resolveAll);
            List<String> units = new ArrayList<>(executing);
            if (lead != null && !units.contains(lead)) {
                units.add(lead);
            }
            for (String unit : units) {
                // the lead unit's consolidation owes the item's last period once more
                Extensions.Extension extension = extensions.getOrDefault(item.id(), Map.of()).get(unit);
                List<Periods.Period> ofUnit = extension == null ? periods : Periods.ofItem(new Deadline(item.deadline().kind(),
                        extension.newDue(), item.deadline().frequency(), item.deadline().raw(), item.deadline().milestones()),
                        plan.issuedOn(), plan.year()); // against the unit's extended due
                List<Periods.Period> owed = new ArrayList<>(executing.contains(unit) ? ofUnit : List.of());
                if (unit.equals(lead)) {
                    owed.add(ofUnit.get(ofUnit.size() - 1));
                }
                List<Review> of = reviews.getOrDefault(item.id() + "|" + unit, List.of());
                parts.computeIfAbsent(unit, k -> new ArrayList<>()).add(new UnitYear.Part(owed,
                        of.stream().filter(r -> "APPROVE".equals(r.decision())).map(Review::reviewed).toList(),
                        (int) of.stream().filter(r -> "RETURN".equals(r.decision())).count(),
                        executing.contains(unit) ? item.requirements() : List.of(),
                        of.stream().filter(r -> !"RETURN".equals(r.decision())).map(Review::submitted).toList(),
                        start, plan.year()));
            }
        }
        findings.keySet().forEach(unit -> parts.computeIfAbsent(unit, k -> new ArrayList<>()));
        List<UnitYear> years = parts.entrySet().stream().map(e -> UnitYear.of(e.getKey(), e.getValue(),
                escalations.getOrDefault(e.getKey(), 0), findings.getOrDefault(e.getKey(), 0),
                extended.getOrDefault(e.getKey(), 0), asOf, calendar)).toList();
        return Scoring.score(rules, years, directory.unitNames());
    }

    /** The scores as a document's table (通报, annual report): its header ... */
    static final List<String> HEADER = List.of("名次", "单位", "得分", "得分明细");

    /** ... and its rows, each line of a score in words. */
    static List<List<String>> rows(List<Scoring.UnitScore> scores) {
        return scores.stream().map(s -> List.of(String.valueOf(s.rank()), s.unitName(), String.valueOf(s.score()),
                String.join("; ", s.lines().stream().map(ScoreLine::text).toList()))).toList();
    }

    private Map<String, Integer> counts(String sql, long planId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(sql).param(planId).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }
}
