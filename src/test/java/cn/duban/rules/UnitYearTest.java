package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.Requirement;

/** How a unit's parts count for the 考评: on time, late working days, quota periods missed; and the shipped points. */
class UnitYearTest {

    private static final WorkCalendar CALENDAR = WorkCalendar.of(List.of());
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final Periods.Period JULY = new Periods.Period(START, LocalDate.of(2026, 7, 15));

    private static UnitYear year(List<UnitYear.Part> parts, LocalDate asOf) {
        return UnitYear.of("jia", parts, 2, 1, 0, asOf, CALENDAR);
    }

    @Test
    void aPartApprovedByItsDueDateIsOnTimeAndALateOneCountsItsWorkingDays() {
        UnitYear y = year(List.of(
                new UnitYear.Part(List.of(JULY), List.of(LocalDate.of(2026, 7, 14)), 0, List.of(), List.of(), START, 2026),
                // Friday 17 July is two working days after Wednesday 15 July
                new UnitYear.Part(List.of(JULY), List.of(LocalDate.of(2026, 7, 17)), 1, List.of(), List.of(), START, 2026),
                // never approved: late until the day scored (Monday 20 July: three working days)
                new UnitYear.Part(List.of(JULY), List.of(), 0, List.of(), List.of(), START, 2026)),
                LocalDate.of(2026, 7, 20));
        assertThat(y.count("BASE")).isEqualTo(1);
        assertThat(y.count("ON_TIME")).isEqualTo(1);
        assertThat(y.count("OVERDUE_DAY")).isEqualTo(2 + 3);
        assertThat(y.count("RETURN")).isEqualTo(1);
        assertThat(y.count("ESCALATION")).isEqualTo(2);
        assertThat(y.count("LOOKBACK_FINDING")).isEqualTo(1);
        assertThat(y.happened("QUOTA_MISSED")).isNull();
        assertThat(y.happened("RETURN")).isEqualTo("RETURN");
    }

    @Test
    void aQuarterShortOfItsReportsIsOneMissedQuotaOnceItHasEnded() {
        List<Requirement> quarterly = List.of(new Requirement(1, Requirement.Per.QUARTER));
        UnitYear.Part part = new UnitYear.Part(List.of(new Periods.Period(START, LocalDate.of(2026, 12, 31))), List.of(), 0,
                quarterly, List.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 8, 10)), START, 2026);
        assertThat(year(List.of(part), LocalDate.of(2026, 10, 1)).count("QUOTA_MISSED")).as("Q2 missed; Q4 not over").isEqualTo(1);
        assertThat(year(List.of(part), LocalDate.of(2027, 1, 1)).count("QUOTA_MISSED")).as("Q2 and Q4").isEqualTo(2);
    }

    @Test
    void theShippedTableScoresEachCauseThatHappenedAndNothingElse() {
        UnitYear y = new UnitYear("jia", Map.of("BASE", 1, "RETURN", 2));
        List<Scoring.UnitScore> scores = Scoring.score(new RuleBase("rules"), List.of(y, new UnitYear("yi", Map.of("BASE", 1))),
                Map.of("jia", "市甲局"));
        assertThat(scores).extracting(Scoring.UnitScore::unit).containsExactly("yi", "jia");
        Scoring.UnitScore jia = scores.get(1);
        assertThat(jia.unitName()).isEqualTo("市甲局");
        assertThat(jia.lines()).extracting(ScoreLine::cause).containsExactly("BASE", "RETURN");
        ScoreLine returns = jia.lines().get(1);
        assertThat(returns.points()).isEqualTo(2 * returns.pointsEach());
        assertThat(jia.score()).isEqualTo(jia.lines().get(0).points() + returns.points());
        assertThat(returns.pointsEach()).as("a return is a deduction").isNegative();
        assertThat(jia.rank()).isEqualTo(2);
    }
}
