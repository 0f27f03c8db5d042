package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.Simulation.Completion;
import cn.duban.rules.Simulation.Event;

/** The year of seed 001 (南明区 2021) under the shipped rules, on the 2021 working-day calendar. */
class SimulationTest {

    static ParsedPlan plan;
    static RuleBase rules;
    static WorkCalendar calendar;

    @BeforeAll
    static void setUp() throws IOException {
        plan = PlanParser.parse(Files.readAllBytes(cn.duban.Seeds.seed("001")), null);
        rules = new RuleBase("rules");
        calendar = WorkCalendar.of(List.of());
    }

    static List<Event> run(Completion completion) {
        return Simulation.run(plan, rules, calendar, completion).events();
    }

    @Test
    void withNobodyReportingItem17IsRemindedThenEscalatedLevelByLevel() {
        List<Event> item17 = run(new Completion.None()).stream().filter(e -> e.itemNumber().equals("17")).toList();
        LocalDate due = LocalDate.of(2021, 9, 30);
        List<Event> reminders = item17.stream().filter(e -> e.action().equals("REMIND") && e.unit().equals("区司法局")).toList();
        assertThat(reminders).filteredOn(e -> !e.date().isAfter(due)).extracting(Event::kind)
                .contains("DUE_SOON", "DUE_TOMORROW", "DUE_TODAY");
        assertThat(reminders).filteredOn(e -> e.kind().equals("DUE_TODAY")).extracting(Event::date).containsExactly(due);
        assertThat(reminders).filteredOn(e -> e.kind().equals("DUE_TOMORROW")).extracting(Event::date)
                .containsExactly(LocalDate.of(2021, 9, 29));
        assertThat(reminders).filteredOn(e -> e.kind().equals("OVERDUE")).first().extracting(Event::date)
                .as("the first working day after the National Day holidays").isEqualTo(LocalDate.of(2021, 10, 8));

        // nobody signs for the task (签收): reminded on the second working day after it opens, escalated on the fifth
        LocalDate opened = reminders.stream().filter(e -> e.kind().equals("NOT_SIGNED")).findFirst().orElseThrow().date();
        assertThat(reminders).filteredOn(e -> e.kind().equals("NOT_SIGNED")).as("once").hasSize(1);
        List<Event> escalations = item17.stream().filter(e -> e.action().equals("ESCALATE")).toList();
        assertThat(escalations).extracting(Event::level).containsExactly(1, 2, 3);
        assertThat(escalations.get(0).reason()).isEqualTo("逾期未签收");
        assertThat(calendar.workingDaysBetween(opened, escalations.get(0).date())).isEqualTo(3);
        assertThat(escalations).extracting(Event::date).endsWith(LocalDate.of(2021, 10, 11), LocalDate.of(2021, 10, 13));
        assertThat(escalations.subList(1, 3)).allMatch(e -> e.date().isAfter(due));
        assertThat(run(new Completion.OnTime())).as("units that sign the day their task opens")
                .noneMatch(e -> "NOT_SIGNED".equals(e.kind()) || "逾期未签收".equals(e.reason()));
        assertThat(item17).filteredOn(e -> e.action().equals("COLOUR")).extracting(Event::kind)
                .as("lagging (nobody reports) outranks due soon, then overdue").containsExactly("YELLOW", "RED");
    }

    @Test
    void noActionFallsOnANonWorkingDay() {
        Set<LocalDate> makeUpDays = Set.of(LocalDate.of(2021, 9, 18), LocalDate.of(2021, 9, 26), LocalDate.of(2021, 10, 9));
        Set<LocalDate> holidays = Set.of(LocalDate.of(2021, 9, 19), LocalDate.of(2021, 9, 20), LocalDate.of(2021, 9, 21),
                LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 5), LocalDate.of(2021, 10, 6),
                LocalDate.of(2021, 10, 7));
        for (Completion c : List.of(new Completion.None(), new Completion.OnTime(), new Completion.Random(7))) {
            List<Event> events = run(c);
            assertThat(events).isNotEmpty();
            for (Event e : events) {
                boolean weekend = e.date().getDayOfWeek() == DayOfWeek.SATURDAY || e.date().getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(!weekend || makeUpDays.contains(e.date())).as("%s on a weekend", e).isTrue();
                assertThat(holidays).as("%s on a holiday", e).doesNotContain(e.date());
                assertThat(calendar.isWorkingDay(e.date())).isTrue();
            }
        }
    }

    @Test
    void unitsReportingOnTimeAreNeverEscalated() {
        List<Event> events = run(new Completion.OnTime());
        assertThat(events).noneMatch(e -> e.action().equals("ESCALATE"));
        assertThat(events).noneMatch(e -> e.action().equals("REMIND") && e.kind().equals("OVERDUE"));
        assertThat(events).anyMatch(e -> e.action().equals("REMIND") && e.kind().equals("DUE_SOON"));
    }

    @Test
    void randomCompletionIsReproducibleFromItsSeed() {
        List<Event> first = run(new Completion.Random(42));
        assertThat(run(new Completion.Random(42))).isEqualTo(first);
        assertThat(run(new Completion.Random(43))).isNotEqualTo(first);
        assertThat(first).anyMatch(e -> e.action().equals("ESCALATE"));
        assertThat(first.size()).isLessThan(run(new Completion.None()).size());
    }
}
