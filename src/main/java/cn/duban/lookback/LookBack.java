package cn.duban.lookback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.rules.RuleBase;
import cn.duban.workflow.BatchedStarts;
import cn.duban.workflow.ItemUnits;

/**
 * 回头看 at the start of a plan year: when last year's plan of the same organ is in the system, its items are matched
 * to this year's, the look-back rules decide which need checking, and a look-back process starts for each item and
 * unit to check.
 */
@Service
public class LookBack {

    public static final String PROCESS = "look-back";
    private static final Logger log = LoggerFactory.getLogger(LookBack.class);

    private final PlanStore plans;
    private final LookBackCases cases;
    private final ItemUnits itemUnits;
    private final OrgDirectory directory;
    private final RuleBase rules;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final BatchedStarts starts;

    public LookBack(PlanStore plans, LookBackCases cases, ItemUnits itemUnits, OrgDirectory directory, RuleBase rules,
                    RuntimeService runtime, JdbcClient jdbc, BatchedStarts starts) {
        this.starts = starts;
        this.plans = plans;
        this.cases = cases;
        this.itemUnits = itemUnits;
        this.directory = directory;
        this.rules = rules;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /** Last year's launched plan of the same organ, if the system has it. */
    public Optional<PlanRecord> priorOf(PlanRecord current) {
        if (current.organ() == null) {
            return Optional.empty();
        }
        return plans.plans().stream().filter(p -> current.organ().equals(p.organ()) && p.year() == current.year() - 1
                && p.status() == PlanRecord.Status.LAUNCHED).findFirst();
    }

    /** Starts the look-back of a launched plan (once); returns how many cases were opened. Runs in the caller's transaction. */
    public int start(PlanRecord current) {
        Optional<PlanRecord> prior = priorOf(current);
        if (prior.isEmpty()) {
            log.info("No look-back for plan {}: no launched plan of {} for {}", current.id(), current.organ(), current.year() - 1);
            return 0;
        }
        if (cases.started(current.id())) {
            return 0;
        }
        List<Item> priorItems = plans.items(prior.get().id());
        List<Item> currentItems = plans.items(current.id());
        ItemMatcher.Result matched = ItemMatcher.match(candidates(priorItems), candidates(currentItems));
        Map<String, ItemMatcher.Match> byPrior = new java.util.HashMap<>();
        matched.matches().forEach(m -> byPrior.putIfAbsent(m.prior(), m));
        cases.addMatches(current.id(), priorItems.stream().map(p -> {
            Optional<ItemMatcher.Match> m = Optional.ofNullable(byPrior.get(String.valueOf(p.id())));
            return new LookBackCases.NewMatch(p.id(), m.map(x -> Long.valueOf(x.current())).orElse(null),
                    m.map(ItemMatcher.Match::score).orElse(0.0));
        }).toList());
        Map<String, Tally> tallies = tallies(prior.get().id());
        List<PriorItem> facts = new ArrayList<>();
        for (Item p : priorItems) {
            for (String unit : itemUnits.executing(p)) {
                facts.add(fact(p, unit, prior.get(), tallies.getOrDefault(p.id() + "|" + unit, Tally.NONE)));
            }
        }
        Map<String, List<Check>> byCase = new LinkedHashMap<>();
        rules.fire(facts, Check.class).forEach(c -> byCase.computeIfAbsent(c.itemId() + "|" + c.unit(), k -> new ArrayList<>()).add(c));
        List<LookBackCases.NewCase> opened = byCase.values().stream().map(checks -> new LookBackCases.NewCase(
                checks.get(0).itemId(), checks.get(0).unit(), checks.stream().map(Check::finding).sorted().toList(),
                String.join("; ", checks.stream().map(Check::reason).toList()))).toList();
        List<Long> ids = cases.addCases(current.id(), opened);
        starts.each(java.util.stream.IntStream.range(0, ids.size()).boxed().toList(), i -> {
            long caseId = ids.get(i);
            LookBackCases.NewCase c = opened.get(i);
            String instance = runtime.startProcessInstanceByKey(PROCESS, "lookback-" + caseId,
                    Map.of("itemId", c.priorItemId(), "unit", c.unit(), "caseId", caseId)).getId();
            cases.setProcess(caseId, instance);
        });
        log.info("Look-back of plan {} against plan {}: {} facts, {} cases", current.id(), prior.get().id(), facts.size(), byCase.size());
        return byCase.size();
    }

    /** A unit's reports on an item: approved, returned, handed in (not returned), the last approval, its extension. */
    private record Tally(int approved, int returns, int reports, LocalDate lastApproved, LocalDate extendedDue) {
        static final Tally NONE = new Tally(0, 0, 0, null, null);
    }

    /** Every unit's tally on the items of a plan, by "item|unit", in two queries whatever the plan's size. */
    private Map<String, Tally> tallies(long planId) {
        Map<String, LocalDate> extended = new java.util.HashMap<>();
        jdbc.sql("select e.item_id, e.unit_code, max(e.new_due) from extension e join item i on i.id = e.item_id "
                        + "where i.plan_id = ? and e.status = 'APPROVED' group by e.item_id, e.unit_code")
                .param(planId)
                .query((rs, n) -> extended.put(rs.getLong(1) + "|" + rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
        Map<String, Tally> tallies = new java.util.HashMap<>();
        jdbc.sql("select r.item_id, r.unit_code, sum(case when r.decision = 'APPROVE' then 1 else 0 end), "
                        + "sum(case when r.decision = 'RETURN' then 1 else 0 end), sum(case when r.decision = 'RETURN' then 0 else 1 end), "
                        + "max(case when r.decision = 'APPROVE' then r.reviewed_at end) "
                        + "from progress_report r join item i on i.id = r.item_id where i.plan_id = ? group by r.item_id, r.unit_code")
                .param(planId)
                .query((rs, n) -> {
                    String key = rs.getLong(1) + "|" + rs.getString(2);
                    java.sql.Timestamp approved = rs.getTimestamp(6);
                    return tallies.put(key, new Tally(rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            approved == null ? null : approved.toLocalDateTime().toLocalDate(), extended.remove(key)));
                })
                .list();
        extended.forEach((key, due) -> tallies.put(key, new Tally(0, 0, 0, null, due))); // extended, nothing handed in
        return tallies;
    }

    /** How a unit's work on last year's item ended, from the ledger. */
    private PriorItem fact(Item item, String unit, PlanRecord plan, Tally t) {
        int periods = cn.duban.rules.Periods.ofItem(item.deadline(), plan.issuedOn(), plan.year()).size();
        return LookBackPreview.fact(item.id(), item.number(), unit, item.deadline(), item.requirements(), plan.issuedOn(),
                plan.year(), t.approved() >= periods, t.lastApproved(), t.returns(), t.reports(), item.deduction(), t.extendedDue());
    }

    private List<ItemMatcher.Candidate> candidates(List<Item> items) {
        return items.stream().map(i -> new ItemMatcher.Candidate(String.valueOf(i.id()), i.text(),
                new HashSet<>(directory.resolveAll(i.namedUnits())))).toList();
    }
}
