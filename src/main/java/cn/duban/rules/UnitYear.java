package cn.duban.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.duban.plan.parse.Requirement;

/**
 * Fact: one unit's year on one plan, counted for the 考评 (rules/scoring.drl.csv): for each cause the table scores,
 * how many times it happened. Built here from the unit's parts, as the server reads them from the database or the
 * simulation keeps them, so that both score alike. A new count is a cause in {@link #CAUSES}, its count below and a
 * row of the table.
 */
public class UnitYear {

    /**
     * What is scored, in the order of an explanation: BASE (once), ON_TIME (an item the unit finished by its due dates),
     * OVERDUE_DAY (a working day a report was late or is still owed), RETURN (a report returned), ESCALATION (an
     * escalation level an item reached because of the unit), QUOTA_MISSED (a requirement period short of the reports
     * a quantitative requirement asks for), LOOKBACK_FINDING (a finding of the year's look-back on the unit's work),
     * EXTENSION (an extension of the unit's due date approved).
     */
    public static final List<String> CAUSES = List.of("BASE", "ON_TIME", "OVERDUE_DAY", "RETURN", "ESCALATION",
            "QUOTA_MISSED", "LOOKBACK_FINDING", "EXTENSION");

    /**
     * One unit's work on one item: the periods it owes a report for, the days its reports were approved (in order: the
     * k-th answers the k-th period), its returns, the item's requirements with the days of its reports that count
     * toward them (every one not returned), and the day supervision of the plan year began.
     */
    public record Part(List<Periods.Period> periods, List<LocalDate> approvals, int returns, List<Requirement> requirements,
                       List<LocalDate> reports, LocalDate start, int year) {}

    private final String unit;
    private final Map<String, Integer> counts;

    public UnitYear(String unit, Map<String, Integer> counts) {
        this.unit = unit;
        this.counts = Map.copyOf(counts);
    }

    /**
     * The unit's year as of {@code asOf}: its parts' on-time completions, late working days (a period not reported for
     * counts until {@code asOf}), returns and missed quota periods (those ended by {@code asOf}), with the escalations
     * look-back findings and approved extensions counted elsewhere (a part's periods end at its extended due).
     */
    public static UnitYear of(String unit, List<Part> parts, int escalations, int lookbackFindings, int extensions,
                              LocalDate asOf, WorkCalendar calendar) {
        int onTime = 0;
        int overdue = 0;
        int returns = 0;
        int quotasMissed = 0;
        for (Part p : parts) {
            boolean late = false;
            for (int k = 0; k < p.periods().size(); k++) {
                LocalDate end = p.periods().get(k).end();
                LocalDate done = k < p.approvals().size() ? p.approvals().get(k) : null;
                LocalDate until = done != null ? done : asOf;
                if (until.isAfter(end)) {
                    overdue += Math.max(1, calendar.workingDaysBetween(end, until));
                    late = true;
                }
            }
            if (!late && p.approvals().size() >= p.periods().size()) {
                onTime++;
            }
            returns += p.returns();
            for (Requirement r : p.requirements()) {
                for (Periods.Period q : Periods.of(r.per(), p.start(), p.year())) {
                    if (q.end().isBefore(asOf) && p.reports().stream().filter(q::contains).count() < r.count()) {
                        quotasMissed++;
                    }
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("BASE", 1);
        counts.put("ON_TIME", onTime);
        counts.put("OVERDUE_DAY", overdue);
        counts.put("RETURN", returns);
        counts.put("ESCALATION", escalations);
        counts.put("QUOTA_MISSED", quotasMissed);
        counts.put("LOOKBACK_FINDING", lookbackFindings);
        counts.put("EXTENSION", extensions);
        return new UnitYear(unit, counts);
    }

    /** The unit (its code in the directory; "unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    /** How many times the cause happened in the unit's year (0 for a cause it does not count). */
    public int count(String cause) {
        return counts.getOrDefault(cause, 0);
    }

    /** The cause, when it happened in the year at least once; null otherwise: a row of the table scores only those. */
    public String happened(String cause) {
        return count(cause) > 0 ? cause : null;
    }
}
