package cn.duban.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement;

/**
 * A preview of a plan year without a server: the rules run on every working day from the plan's issue date to year
 * end, on the facts the units' (simulated) reports leave, built as the daily sweep builds them ({@link DayFacts}),
 * and every action they take is recorded. The units are those the server assigns
 * ({@link ParsedItem#executingUnits}); items without a deadline are taken as due at year end, as the office would
 * confirm them.
 */
public final class Simulation {

    /** How the simulated units behave. */
    public sealed interface Completion {
        /** Nobody ever signs for a task (签收) or reports. */
        record None() implements Completion {}

        /** Every unit signs for its task the day it opens, keeps pace and hands in every report two working days before it is due. */
        record OnTime() implements Completion {}

        /**
         * Each unit signs for its task up to seven working days after it opens, and each report is on time, late or
         * never, at random but reproducibly from the seed. A unit that will hand in a one-date item late asks for a
         * later date (延期) three working days before its due: the decision table rules/extension.drl.csv refuses it
         * or the supervisors approve it the next working day, and its due moves. Some units are late even so and ask
         * again.
         */
        record Random(long seed) implements Completion {}

        public static Completion parse(String text) {
            if (text.equals("none")) {
                return new None();
            }
            if (text.equals("ontime")) {
                return new OnTime();
            }
            if (text.startsWith("random:") && text.substring(7).matches("-?\\d{1,18}")) {
                return new Random(Long.parseLong(text.substring(7)));
            }
            throw new IllegalArgumentException("--completion 须为 none、ontime 或 random:SEED (如 random:42): " + text);
        }
    }

    /**
     * One action on one day: REMIND (kind), ESCALATE (level, reason), COLOUR (kind = the new colour) or EXTEND (kind
     * REQUESTED, REFUSED with the table's reasons, or APPROVED; due = the date asked for); {@code path} tells the item
     * apart where numbers restart per chapter (一/3).
     */
    public record Event(LocalDate date, String itemNumber, String path, String unit, String action, String kind, Integer level,
                        String reason, LocalDate due) {

        Event(LocalDate date, String itemNumber, String path, String unit, String action, String kind, Integer level,
              String reason) {
            this(date, itemNumber, path, unit, action, kind, level, reason, null);
        }
    }

    /**
     * The simulated year: the rules' actions day by day, and each unit's score (考评) at its end, as the server would
     * give it from the same course of the year (no look-back findings: the look-back is not simulated).
     */
    public record Year(List<Event> events, List<Scoring.UnitScore> scores) {}

    /** A simulated report: progress, or a submission that is approved or returned. */
    private record Report(LocalDate date, int percent, boolean submission, boolean approved) {}

    /**
     * One unit's work on one item over the year: a unit that executes it from the start, or the lead unit that
     * consolidates once the others are done.
     */
    private static final class Track {
        final int item;
        final String unit;
        final boolean consolidating;
        final TreeMap<LocalDate, List<Report>> schedule = new TreeMap<>();
        /** The unit's requests for a later due (延期): the day it asks, and the date it asks for. */
        final TreeMap<LocalDate, LocalDate> asks = new TreeMap<>();
        /** The periods the unit reports for: the item's, ending at the unit's extended due once one is approved. */
        List<Periods.Period> periods;
        /** The date of a request the supervisors decide the working day after it was asked; null when none waits. */
        LocalDate pending;
        /** The day a unit that asks for more time will hand in its one report. */
        LocalDate handIn;
        int extensions;
        final List<DayFacts.Report> reported;
        final List<LocalDate> approvedOn = new ArrayList<>();
        boolean started;
        int approved;
        int returned;
        /** The day the unit's task opened, and the day it signs for it (签收; a report signs too); null: never. */
        LocalDate opened;
        LocalDate signs;

        /** {@code reported}: the unit's reports on the item, shared by its two tracks when the lead unit also executes. */
        Track(int item, String unit, boolean consolidating, List<DayFacts.Report> reported) {
            this.item = item;
            this.unit = unit;
            this.consolidating = consolidating;
            this.reported = reported;
            this.started = !consolidating;
        }
    }

    private final ParsedPlan plan;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final Function<List<String>, List<String>> resolve;
    private final LocalDate start;
    private final LocalDate yearEnd;
    private final List<List<Periods.Period>> periods = new ArrayList<>();
    private final List<Track> tracks = new ArrayList<>();
    private final int[] level;
    private final int[] returns;
    private final Colour.Shade[] colour;
    private final Map<String, DayFacts.Reminded> sent = new HashMap<>();
    private final Map<String, Integer> escalations = new HashMap<>();
    /** When the units sign, and whether and how far they ask for more time, drawn apart from their reports. */
    private Random signing;
    private Random asking;

    private Simulation(ParsedPlan plan, RuleBase rules, WorkCalendar calendar, Function<List<String>, List<String>> resolve) {
        this.plan = plan;
        this.rules = rules;
        this.calendar = calendar;
        this.resolve = resolve;
        this.yearEnd = LocalDate.of(plan.year(), 12, 31);
        this.start = Periods.start(plan.issuedOn(), plan.year());
        this.level = new int[plan.items().size()];
        this.returns = new int[plan.items().size()];
        this.colour = new Colour.Shade[plan.items().size()];
    }

    /** Without a directory: each unit name the plan prints is one unit (a group stays one). */
    public static Year run(ParsedPlan plan, RuleBase rules, WorkCalendar calendar, Completion completion) {
        return run(plan, rules, calendar, completion, names -> names, Map.of());
    }

    /**
     * With the units each name stands for ({@code resolve}: the directory's, which expands groups into units) and
     * their names by code.
     */
    public static Year run(ParsedPlan plan, RuleBase rules, WorkCalendar calendar, Completion completion,
                           Function<List<String>, List<String>> resolve, Map<String, String> names) {
        return new Simulation(plan, rules, calendar, resolve).run(completion, names);
    }

    private Year run(Completion completion, Map<String, String> names) {
        Random random = new Random(completion instanceof Completion.Random r ? r.seed() : 0);
        signing = new Random(completion instanceof Completion.Random r ? r.seed() + 1 : 0); // its own draws
        asking = new Random(completion instanceof Completion.Random r ? r.seed() + 2 : 0);
        for (int i = 0; i < plan.items().size(); i++) {
            ParsedItem item = plan.items().get(i);
            periods.add(Periods.ofItem(item.deadline(), plan.issuedOn(), plan.year()));
            for (String unit : units(item)) {
                Track track = new Track(i, unit, false, new ArrayList<>());
                track.periods = periods.get(i);
                open(track, start, completion);
                schedule(track, item, completion, random);
                tracks.add(track);
            }
            String lead = item.consolidatingUnit(resolve);
            if (lead != null) {
                int index = i;
                Track track = new Track(i, lead, true, tracks.stream().filter(t -> t.item == index && t.unit.equals(lead))
                        .findFirst().map(t -> t.reported).orElseGet(ArrayList::new));
                track.periods = List.of(periods.get(i).get(periods.get(i).size() - 1));
                tracks.add(track);
            }
        }
        List<Event> events = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(yearEnd); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                sweep(day, events);
                for (Track track : tracks) {
                    decide(track, day, events);
                    ask(track, day, events);
                    track.schedule.getOrDefault(day, List.of()).forEach(r -> report(track, r));
                }
                for (Track lead : tracks) {
                    if (!lead.started && tracks.stream().noneMatch(t -> t.item == lead.item && !t.consolidating && owes(t))) {
                        consolidate(lead, day, completion, random);
                    }
                }
            }
        }
        return new Year(events, Scoring.score(rules, years(), names));
    }

    /** Each unit's year as it ended, built as the server builds it from the stored reports ({@link UnitYear#of}). */
    private List<UnitYear> years() {
        Map<String, List<UnitYear.Part>> parts = new LinkedHashMap<>();
        Map<String, Integer> extended = new HashMap<>();
        for (Track t : tracks) {
            if (!t.consolidating) {
                extended.merge(t.unit, t.extensions, Integer::sum);
            }
            parts.computeIfAbsent(t.unit, k -> new ArrayList<>()).add(new UnitYear.Part(t.periods, t.approvedOn, t.returned,
                    t.consolidating ? List.of() : plan.items().get(t.item).requirements(),
                    t.reported.stream().filter(r -> !r.returned()).map(DayFacts.Report::on).toList(),
                    start, plan.year()));
        }
        return parts.entrySet().stream().map(e -> UnitYear.of(e.getKey(), e.getValue(), escalations.getOrDefault(e.getKey(), 0),
                0, extended.getOrDefault(e.getKey(), 0), yearEnd.plusDays(1), calendar)).toList();
    }

    /** The morning's sweep: the rules over the day's facts, and what they decide. */
    private void sweep(LocalDate day, List<Event> events) {
        List<DayFacts.UnitWork> work = new ArrayList<>();
        for (Track t : tracks) {
            if (owes(t)) {
                ParsedItem item = plan.items().get(t.item);
                work.add(new DayFacts.UnitWork(t.item, item.number(), t.unit, t.periods, start, plan.year(),
                        item.requirements(), t.reported, returns[t.item], level[t.item], t.consolidating,
                        signed(t, day) ? null : t.opened));
            }
        }
        List<Object> facts = DayFacts.of(day, work, List.copyOf(sent.values()), calendar);
        RuleBase.Outcome outcome = rules.evaluate(facts);
        Map<String, Event> dayEvents = new LinkedHashMap<>();
        Map<Event, Integer> itemIndex = new HashMap<>();
        Comparator<Remind> byUnit = Comparator.comparingLong(Remind::itemId)
                .thenComparingInt(r -> unitOrder(r.itemId(), r.unit())).thenComparing(Remind::kind);
        for (Remind r : outcome.reminders().stream().sorted(byUnit).toList()) {
            sent.put(r.itemId() + "|" + r.unit() + "|" + r.kind(), new DayFacts.Reminded(r.itemId(), r.unit(), r.kind(), day));
            Event event = new Event(day, r.itemNumber(), path((int) r.itemId()), r.unit(), "REMIND", r.kind(), null, null);
            if (dayEvents.putIfAbsent("R" + r.itemId() + "|" + r.unit() + "|" + r.kind(), event) == null) {
                itemIndex.put(event, (int) r.itemId());
            }
        }
        // as the sweep does: an item rises once a day, to the highest level the rules give it
        outcome.escalations().stream().sorted(Comparator.comparingLong(Escalate::itemId).thenComparing(Comparator
                .comparingInt(Escalate::level).reversed()).thenComparingInt(e -> unitOrder(e.itemId(), e.unit()))).forEach(e -> {
            int item = (int) e.itemId();
            if (e.level() > level[item]) {
                level[item] = e.level();
                // as the server records it: every unit the rules escalate to the new level
                outcome.escalations().stream().filter(x -> x.itemId() == e.itemId() && x.level() == e.level())
                        .map(Escalate::unit).distinct().forEach(u -> escalations.merge(u, 1, Integer::sum));
                Event event = new Event(day, e.itemNumber(), path(item), e.unit(), "ESCALATE", null, e.level(), e.reason());
                dayEvents.put("E" + item + "|" + e.level(), event);
                itemIndex.put(event, item);
            }
        });
        Map<Integer, Colour.Shade> shades = new HashMap<>();
        outcome.colours().forEach(c -> shades.merge((int) c.itemId(), c.shade(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
        for (int i = 0; i < colour.length; i++) {
            Colour.Shade shade = shades.get(i);
            if (shade != null && shade != colour[i]) {
                Event event = new Event(day, plan.items().get(i).number(), path(i), null, "COLOUR", shade.name(), null, null);
                dayEvents.put("C" + i, event);
                itemIndex.put(event, i);
            }
            colour[i] = shade;
        }
        dayEvents.values().stream().sorted(Comparator.comparingInt(e -> itemIndex.get(e))).forEach(events::add);
    }

    private String path(int item) {
        return String.join("/", plan.items().get(item).path());
    }

    /** A unit's place among the item's units, so that a day's actions come out in the same order every run. */
    private int unitOrder(long item, String unit) {
        return units(plan.items().get((int) item)).indexOf(unit);
    }

    private void report(Track t, Report r) {
        if (!owes(t)) {
            return;
        }
        if (!signed(t, r.date())) {
            t.signs = r.date(); // a report signs for the task
        }
        t.reported.add(new DayFacts.Report(r.date(), r.percent(), !r.submission() ? null : r.approved() ? "APPROVE" : "RETURN"));
        if (r.submission() && r.approved()) {
            t.approved++;
            t.approvedOn.add(r.date());
            level[t.item] = 0; // the owed report is in: a new period starts unescalated
        } else if (r.submission()) {
            returns[t.item]++; // the server counts an item's returns, whichever unit's
            t.returned++;
        }
    }

    /**
     * Whether the unit may ask for a later due, as the server lets it: its part of an item with one date (not an
     * ongoing or recurring one) and a single report.
     */
    private boolean extendable(Track t, ParsedItem item) {
        return !t.consolidating && item.deadline().kind() == Deadline.Kind.DATE && item.deadline().due() != null
                && t.periods.size() == 1;
    }

    /**
     * The unit asks for the date its request names, while it still owes its report: the decision table refuses it at
     * once, or it waits for the supervisors.
     */
    private void ask(Track t, LocalDate day, List<Event> events) {
        LocalDate asked = t.asks.get(day);
        if (asked == null || !owes(t) || t.pending != null) {
            return;
        }
        LocalDate current = t.periods.get(0).end();
        ExtensionRequest request = new ExtensionRequest(t.item, t.unit, t.extensions, calendar.workingDaysBetween(current, asked));
        rules.fire(List.of(request), ExtensionRequest.class);
        boolean refused = !request.refusals().isEmpty();
        if (!refused) {
            t.pending = asked;
        }
        events.add(new Event(day, plan.items().get(t.item).number(), path(t.item), t.unit, "EXTEND",
                refused ? "REFUSED" : "REQUESTED", null, refused ? String.join("; ", request.refusals()) : null, asked));
    }

    /**
     * The supervisors approve the waiting request: the unit's due moves, on every track it has on the item. A unit
     * that will hand in after the new date asks again three working days before it.
     */
    private void decide(Track t, LocalDate day, List<Event> events) {
        if (t.pending == null) {
            return;
        }
        LocalDate due = t.pending;
        t.pending = null;
        t.extensions++;
        Deadline d = plan.items().get(t.item).deadline();
        List<Periods.Period> moved = Periods.ofItem(new Deadline(d.kind(), due, d.frequency(), d.raw(), d.milestones()),
                plan.issuedOn(), plan.year());
        for (Track same : tracks) {
            if (same.item == t.item && same.unit.equals(t.unit)) {
                same.periods = same.consolidating ? List.of(moved.get(moved.size() - 1)) : moved;
            }
        }
        events.add(new Event(day, plan.items().get(t.item).number(), path(t.item), t.unit, "EXTEND", "APPROVED", null, null, due));
        if (t.handIn.isAfter(due)) {
            LocalDate again = before(due, 3, after(day, 1));
            t.asks.put(again.isAfter(day) ? again : after(day, 1), after(t.handIn, 2));
        }
    }

    /** Whether the unit had signed for its task before the morning of {@code day}. */
    private static boolean signed(Track t, LocalDate day) {
        return t.signs != null && t.signs.isBefore(day);
    }

    /**
     * The unit's task opens on {@code day}: it signs the same day (ontime), up to seven working days later (random)
     * or never (none).
     */
    private void open(Track t, LocalDate day, Completion completion) {
        t.opened = day;
        t.signs = completion instanceof Completion.None ? null
                : completion instanceof Completion.Random ? after(day, signing.nextInt(8)) : day;
    }

    /** Whether the unit has work open: a report it still owes this year. */
    private boolean owes(Track t) {
        return t.started && t.approved < t.periods.size();
    }

    // ---- how the units behave ------------------------------------------------------------------------------------

    private void schedule(Track t, ParsedItem item, Completion completion, Random random) {
        if (completion instanceof Completion.None) {
            return;
        }
        for (Periods.Period p : periods.get(t.item)) {
            double fate = completion instanceof Completion.Random ? random.nextDouble() : 0;
            if (fate >= 0.85) {
                return; // stops reporting for the rest of the year
            }
            LocalDate onTime = before(p.end(), 2, p.start());
            progress(t, p, onTime);
            if (fate < 0.6) {
                add(t, new Report(onTime, 100, true, true));
            } else {
                boolean returned = random.nextDouble() < 0.3;
                if (returned) {
                    add(t, new Report(onTime, 100, true, false));
                }
                LocalDate late = after(p.end(), 1 + random.nextInt(15));
                add(t, new Report(late, 100, true, true));
                if (extendable(t, item) && asking.nextDouble() < 0.7) {
                    // most ask: for two working days after they will hand in, or, one time in three, too short a time
                    t.handIn = late;
                    t.asks.put(before(p.end(), 3, p.start()), asking.nextDouble() < 0.35
                            ? after(p.end(), Math.max(1, calendar.workingDaysBetween(p.end(), late) / 2)) : after(late, 2));
                }
            }
        }
        for (Requirement r : item.requirements()) {
            LocalDate last = periods.get(t.item).get(periods.get(t.item).size() - 1).end();
            for (Periods.Period q : Periods.of(r.per(), start, plan.year())) {
                if (q.start().isAfter(last)) {
                    break;
                }
                LocalDate end = q.end().isAfter(last) ? last : q.end();
                for (int k = 1; k <= r.count(); k++) {
                    add(t, new Report(spread(q.start(), end, k, r.count() + 1), 50, false, false));
                }
            }
        }
    }

    /** The others are done on {@code day}: the lead unit's consolidation opens, and it hands it in a day or more later. */
    private void consolidate(Track lead, LocalDate day, Completion completion, Random random) {
        lead.started = true;
        open(lead, day, completion);
        if (!(completion instanceof Completion.None)) {
            add(lead, new Report(after(day, completion instanceof Completion.Random ? 1 + random.nextInt(5) : 1), 100, true, true));
        }
    }

    /** Progress reports a third and two thirds into the period, keeping pace with the time gone by. */
    private void progress(Track t, Periods.Period p, LocalDate last) {
        add(t, new Report(spread(p.start(), last, 1, 3), 40, false, false));
        add(t, new Report(spread(p.start(), last, 2, 3), 75, false, false));
    }

    private void add(Track t, Report r) {
        t.schedule.computeIfAbsent(r.date(), d -> new ArrayList<>()).add(r);
    }

    /** The k-th of n evenly spaced working days between two dates. */
    private LocalDate spread(LocalDate from, LocalDate to, int k, int n) {
        int days = Math.max(0, calendar.workingDaysBetween(from, to));
        return after(calendar.nextWorkingDay(from).minusDays(1), Math.max(1, days * k / n));
    }

    /** The working day {@code n} working days before {@code day}, but not before {@code floor}. */
    private LocalDate before(LocalDate day, int n, LocalDate floor) {
        LocalDate d = day;
        int left = n;
        while (left > 0 && d.isAfter(floor)) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return calendar.nextWorkingDay(d.isBefore(floor) ? floor : d);
    }

    /** The working day {@code n} working days after {@code day}. */
    private LocalDate after(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The units that report on an item, as the server assigns them. */
    private List<String> units(ParsedItem item) {
        return item.executingUnits(resolve);
    }
}
