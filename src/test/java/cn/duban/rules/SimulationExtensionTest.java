package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.Simulation.Completion;
import cn.duban.rules.Simulation.Event;

/**
 * 延期 in the simulated year: late units on one-date items ask for a later date; rules/extension.drl.csv refuses what
 * goes beyond its limits, the supervisors approve the rest the next working day, and from then the unit is reminded,
 * coloured and scored against its new date.
 */
class SimulationExtensionTest {

    private static final ParsedPlan PLAN = PlanParser.parse("测试市2025年政务公开工作要点\n一、测试\n"
            + "1.公开审计整改情况。(责任单位:市甲局、市乙局、市丙局、市丁局)9月30日前\n"
            + "2.公开财政资金使用情况。(责任单位:市甲局、市乙局、市丙局、市丁局)6月底前\n"
            + "3.公开重大项目进展情况。(责任单位:市甲局、市乙局)常态化开展\n", 2025);
    private static final RuleBase RULES = new RuleBase("rules");
    private static final WorkCalendar CALENDAR = WorkCalendar.of(List.of());

    private static List<Simulation.Year> years() {
        return IntStream.range(0, 40).mapToObj(seed -> Simulation.run(PLAN, RULES, CALENDAR, new Completion.Random(seed))).toList();
    }

    @Test
    void aRequestTheTableAllowsIsApprovedTheNextWorkingDayAndASecondOneIsRefused() {
        List<Event> all = new ArrayList<>();
        for (Simulation.Year year : years()) {
            List<Event> events = year.events();
            all.addAll(events);
            for (Event approved : events.stream().filter(e -> "APPROVED".equals(e.kind())).toList()) {
                Event asked = events.stream().filter(e -> "REQUESTED".equals(e.kind()) && same(e, approved)
                        && e.date().isBefore(approved.date())).reduce((a, b) -> b).orElseThrow();
                assertThat(approved.date()).isEqualTo(CALENDAR.nextWorkingDay(asked.date().plusDays(1)));
                assertThat(approved.due()).isEqualTo(asked.due());
                LocalDate original = approved.itemNumber().equals("1") ? LocalDate.of(2025, 9, 30) : LocalDate.of(2025, 6, 30);
                assertThat(asked.date()).isBefore(original);
                assertThat(approved.due()).isAfter(original);
                assertThat(events).as("not overdue before the new date")
                        .noneMatch(e -> same(e, approved) && "OVERDUE".equals(e.kind()) && !e.date().isAfter(approved.due()));
                if (events.stream().anyMatch(e -> "REFUSED".equals(e.kind()) && same(e, approved))) {
                    assertThat(events).as("a unit still at work is reminded on its new date, then overdue after it")
                            .anyMatch(e -> same(e, approved) && "DUE_TODAY".equals(e.kind()) && e.date().equals(approved.due()))
                            .anyMatch(e -> same(e, approved) && "OVERDUE".equals(e.kind()) && e.date().isAfter(approved.due()));
                }
                // the unit's score counts the approved extension
                assertThat(year.scores()).filteredOn(s -> s.unit().equals(approved.unit())).singleElement()
                        .satisfies(s -> assertThat(s.lines()).anyMatch(l -> l.cause().equals("EXTENSION") && l.count() >= 1));
            }
            for (Event refused : events.stream().filter(e -> "REFUSED".equals(e.kind())).toList()) {
                assertThat(refused.reason()).as("the decision table's reason").contains("已获批延期 1 次");
                assertThat(events).as("refused only after one was approved")
                        .anyMatch(e -> "APPROVED".equals(e.kind()) && same(e, refused) && e.date().isBefore(refused.date()));
            }
        }
        assertThat(all).filteredOn(e -> e.action().equals("EXTEND")).extracting(Event::kind)
                .contains("REQUESTED", "APPROVED", "REFUSED");
        assertThat(all).filteredOn(e -> e.action().equals("EXTEND")).extracting(Event::itemNumber)
                .as("an ongoing item has no one date to move").doesNotContain("3");
    }

    @Test
    void unitsThatKeepTimeOrNeverReportNeverAsk() {
        for (Completion c : List.of(new Completion.None(), new Completion.OnTime())) {
            assertThat(Simulation.run(PLAN, RULES, CALENDAR, c).events()).noneMatch(e -> e.action().equals("EXTEND"));
        }
    }

    private static boolean same(Event a, Event b) {
        return a.itemNumber().equals(b.itemNumber()) && b.unit().equals(a.unit());
    }
}
