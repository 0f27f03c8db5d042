package cn.duban.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.duban.plan.parse.Requirement;

/**
 * The facts the rules see on one day, built from each unit's work as the daily sweep reads it from the database or
 * the simulation keeps it: the one place that says how a unit's reports make its {@link Work} and {@link Quota}
 * facts, so that the preview shows what the server will do.
 */
public final class DayFacts {

    /** A report: its day, the progress it gives and its review (APPROVE, RETURN; null for progress or not yet reviewed). */
    public record Report(LocalDate on, int percent, String decision) {

        boolean approved() {
            return "APPROVE".equals(decision);
        }

        boolean returned() {
            return "RETURN".equals(decision);
        }
    }

    /**
     * One unit's open work on one item: the item's reporting periods ({@link Periods#ofItem}), the day supervision
     * of its plan year began ({@link Periods#start}), its requirements, the unit's reports so far, the item's
     * returns and escalation level, and whether it is the lead unit's consolidation (牵头汇总, owed once the others
     * are done, for the item's last period); {@code unsignedSince}: the day its task opened while nobody signed for it
     * (签收), null once signed.
     */
    public record UnitWork(long itemId, String number, String unit, List<Periods.Period> periods, LocalDate start,
                           int year, List<Requirement> requirements, List<Report> reports, int returns, int level,
                           boolean consolidating, LocalDate unsignedSince) {}

    /** The latest reminder of a kind to a unit about an item. */
    public record Reminded(long itemId, String unit, String kind, LocalDate on) {}

    private DayFacts() {}

    /**
     * The day's facts: for each unit, its work in the period it owes a report for (none before that period begins)
     * and its quotas in the requirement periods of the day; its task waiting to be signed for ({@link Waiting}); the
     * reminders already sent about those items.
     */
    /** A task of the item waiting for its holder since the day it opened, seen on {@code day}. */
    public static Waiting waiting(long itemId, String number, String step, String holder, LocalDate opened, LocalDate day,
                                  WorkCalendar calendar) {
        return new Waiting(itemId, number, step, holder, Math.max(0, calendar.workingDaysBetween(opened, day)));
    }

    public static List<Object> of(LocalDate day, List<UnitWork> work, List<Reminded> sent, WorkCalendar calendar) {
        List<Object> facts = new ArrayList<>();
        for (UnitWork w : work) {
            if (w.unsignedSince() != null) { // a task waits to be signed for from the day it opens, whatever it owes
                facts.add(waiting(w.itemId(), w.number(), "EXECUTE", w.unit(), w.unsignedSince(), day, calendar));
            }
            List<Periods.Period> periods = w.periods();
            // loops, not streams: the sweep runs this for every unit's work on every open item
            int approved = 0;
            for (Report r : w.reports()) {
                approved += r.approved() ? 1 : 0;
            }
            Periods.Period owed = periods.get(w.consolidating() ? periods.size() - 1 : Math.min(approved, periods.size() - 1));
            if (owed.start().isAfter(day)) {
                continue;
            }
            // progress counts toward the period owed: any report for the first one, reports since it began after that
            // (the latest such report's; the first of those on the same day)
            LocalDate since = approved == 0 ? LocalDate.MIN : owed.start();
            Report latest = null;
            for (Report r : w.reports()) {
                if (!r.on().isBefore(since) && !r.returned() && (latest == null || r.on().isAfter(latest.on()))) {
                    latest = r;
                }
            }
            int percent = latest == null ? 0 : latest.percent();
            facts.add(Work.on(day, w.itemId(), w.number(), w.unit(), owed, periods.size() > 1, percent, w.returns(),
                    w.level(), calendar));
            for (Requirement req : w.requirements()) {
                Periods.of(req.per(), w.start(), w.year()).stream().filter(p -> p.contains(day)).findFirst()
                        .ifPresent(p -> facts.add(new Quota(w.itemId(), w.number(), w.unit(), req.count(),
                                (int) w.reports().stream().filter(r -> p.contains(r.on()) && !r.returned()).count(),
                                req.per().name(), Math.max(0, calendar.workingDaysBetween(day, p.end())))));
            }
        }
        Set<Long> items = work.stream().map(UnitWork::itemId).collect(Collectors.toSet());
        sent.stream().filter(s -> items.contains(s.itemId()) && !s.on().isAfter(day))
                .forEach(s -> facts.add(new Sent(s.itemId(), s.unit(), s.kind(), calendar.workingDaysBetween(s.on(), day))));
        return facts;
    }
}
