package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.Simulation.Completion;
import cn.duban.rules.Simulation.Event;

/**
 * The simulation's units are those the server assigns (without a directory, as {@code simulate} runs: each name one
 * unit): responsible units and the lead units but the first execute; the first lead unit consolidates once they are
 * done.
 */
class SimulationUnitsTest {

    private static final ParsedPlan PLAN = PlanParser.parse("测试市2025年政务公开工作要点\n一、测试\n"
            + "1.公开审计整改情况。(牵头单位:市甲局、市乙局)9月30日前\n"
            + "2.公开财政资金使用情况。(牵头单位:市丙局;责任单位:市丁局)9月30日前\n"
            + "3.公开重大项目进展情况。(责任单位:市政府各局)9月30日前\n", 2025);
    private static final RuleBase RULES = new RuleBase("rules");
    private static final WorkCalendar CALENDAR = WorkCalendar.of(List.of());

    private static List<String> reminded(Completion completion, String item) {
        return Simulation.run(PLAN, RULES, CALENDAR, completion).events().stream()
                .filter(e -> e.action().equals("REMIND") && e.itemNumber().equals(item))
                .map(e -> e.unit() + " " + e.kind() + " " + e.date()).toList();
    }

    @Test
    void theUnitsWorkingAreThoseTheServerAssigns() {
        List<Event> events = Simulation.run(PLAN, RULES, CALENDAR, new Completion.None()).events();
        assertThat(events).filteredOn(e -> e.itemNumber().equals("1") && e.unit() != null).extracting(Event::unit)
                .as("the second lead unit works; the first waits to consolidate").isNotEmpty().containsOnly("市乙局");
        assertThat(events).filteredOn(e -> e.itemNumber().equals("2") && e.unit() != null).extracting(Event::unit)
                .as("the responsible unit works, the lead consolidates").isNotEmpty().containsOnly("市丁局");
        assertThat(events).filteredOn(e -> e.itemNumber().equals("3") && e.unit() != null).extracting(Event::unit)
                .as("no directory: the group is one unit").isNotEmpty().containsOnly("市政府各局");
    }

    @Test
    void theFirstLeadUnitConsolidatesOnceTheOthersAreDone() {
        LocalDate due = LocalDate.of(2025, 9, 30);
        List<String> onTime = reminded(new Completion.OnTime(), "1");
        // 市乙局 hands in two working days before the due date (Sunday 28 September, a make-up working day): the lead
        // unit's consolidation is open from the next working day, with one working day left, and handed in that day
        assertThat(onTime).anyMatch(r -> r.startsWith("市乙局 DUE_SOON ")).contains("市甲局 DUE_TOMORROW " + due.minusDays(1))
                .noneMatch(r -> r.startsWith("市乙局 DUE_TOMORROW")).noneMatch(r -> r.contains("OVERDUE"))
                .noneMatch(r -> r.startsWith("市甲局 DUE_SOON"));
    }
}
