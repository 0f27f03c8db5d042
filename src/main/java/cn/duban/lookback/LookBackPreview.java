package cn.duban.lookback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement;
import cn.duban.rules.Periods;
import cn.duban.rules.RuleBase;

/**
 * The look-back of two plan documents without a server: last year's items matched to this year's, and the checks
 * the look-back rules ask for, given how last year's items ended (without outcomes, none was completed).
 */
public final class LookBackPreview {

    public record Result(List<ItemMatcher.Match> matches, List<String> unmatchedPrior, List<String> unmatchedCurrent,
                         List<Check> checks) {}

    private LookBackPreview() {}

    public static Result run(ParsedPlan prior, ParsedPlan current, List<Outcome> outcomes, RuleBase rules) {
        ItemMatcher.Result matched = ItemMatcher.match(candidates(prior), candidates(current));
        List<PriorItem> facts = new ArrayList<>();
        for (ParsedItem item : prior.items()) {
            String number = key(prior, item);
            for (String unit : units(item)) {
                Outcome o = outcomes.stream().filter(x -> x.number().equals(number)
                        && (x.unit().isBlank() || x.unit().equals(unit))).findFirst().orElse(null);
                boolean completed = o != null && o.completed();
                int reports = o == null ? 0 : o.reports() != null ? o.reports() : completed ? 1 : 0;
                facts.add(fact(0, number, unit, item.deadline(), item.requirements(), prior.issuedOn(), prior.year(),
                        completed, o == null ? null : o.completedOn(), o == null ? 0 : o.returns(), reports,
                        o != null && o.deduction(), null));
            }
        }
        return new Result(matched.matches(), matched.unmatchedPrior(), matched.unmatchedCurrent(),
                rules.fire(facts, Check.class).stream()
                        .sorted(java.util.Comparator.comparingInt((Check c) -> facts.indexOf(facts.stream()
                                .filter(f -> f.getItemNumber().equals(c.itemNumber()) && f.getUnitCode().equals(c.unit()))
                                .findFirst().orElseThrow())).thenComparing(Check::finding))
                        .toList());
    }

    /**
     * The fact for one unit's work on last year's item: late against the due date, periods of a recurring item
     * missed, reports short of a quantitative requirement; {@code extendedDue}: the new date of the unit's approved
     * extension (null when none), against which it is late, and after whose original due it was extended.
     */
    public static PriorItem fact(long itemId, String number, String unit, Deadline deadline, List<Requirement> requirements,
                                 LocalDate issuedOn, int year, boolean completed, LocalDate completedOn, int returns,
                                 int reports, boolean deduction, LocalDate extendedDue) {
        List<Periods.Period> periods = Periods.ofItem(deadline, issuedOn, year);
        LocalDate due = extendedDue != null ? extendedDue : deadline.due();
        boolean late = completed && completedOn != null && due != null && completedOn.isAfter(due);
        boolean extended = completed && completedOn != null && extendedDue != null && deadline.due() != null
                && completedOn.isAfter(deadline.due());
        boolean explicit = deadline.kind() == Deadline.Kind.DATE || deadline.kind() == Deadline.Kind.YEAR_END;
        int required = requirements.stream().mapToInt(r -> r.count() * Periods.of(r.per(), Periods.start(issuedOn, year), year).size()).sum();
        return new PriorItem(itemId, number, unit, completed, late, returns, explicit, deduction, periods.size() > 1,
                periods.size() > 1 ? Math.max(0, periods.size() - reports) : 0, required, reports, extended);
    }

    /** An item's key in the look-back: its number, or its path where the number repeats in the plan. */
    static String key(ParsedPlan plan, ParsedItem item) {
        long same = plan.items().stream().filter(i -> i.number().equals(item.number())).count();
        return same == 1 ? item.number() : String.join("/", item.path());
    }

    private static List<ItemMatcher.Candidate> candidates(ParsedPlan plan) {
        return plan.items().stream().map(i -> new ItemMatcher.Candidate(key(plan, i), i.text(), new HashSet<>(i.namedUnits())))
                .toList();
    }

    private static List<String> units(ParsedItem item) {
        return item.responsibleUnits().isEmpty() ? item.leadUnits() : item.responsibleUnits();
    }
}
