package cn.duban.lookback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.RuleBase;

/**
 * The project's own two years of one organization (src/test/resources/lookback): 2026 rewords items 1, 2, 3 and 8
 * of 2025, merges 5 and 6 into one, adds two and drops 4, 7 and 9.
 */
class LookBackPreviewTest {

    static ParsedPlan prior;
    static ParsedPlan current;
    static RuleBase rules;

    @BeforeAll
    static void setUp() throws Exception {
        prior = PlanParser.parse(Files.readAllBytes(Path.of("src/test/resources/lookback/2025.txt")), null);
        current = PlanParser.parse(Files.readAllBytes(Path.of("src/test/resources/lookback/2026.txt")), null);
        rules = new RuleBase("rules");
    }

    @Test
    void rewordedAndMergedItemsAreMatchedAndNothingElse() {
        LookBackPreview.Result r = LookBackPreview.run(prior, current, List.of(), rules);
        assertThat(r.matches()).extracting(m -> m.prior() + "→" + m.current())
                .containsExactly("1→1", "2→2", "3→3", "5→4", "8→6");
        assertThat(r.matches()).allMatch(m -> m.score() >= ItemMatcher.THRESHOLD);
        assertThat(r.unmatchedPrior()).containsExactly("4", "6", "7", "9");
        assertThat(r.unmatchedCurrent()).as("new items").containsExactly("5", "7");
    }

    @Test
    void noPairOfDifferentTasksScoresAtTheThreshold() {
        List<String> sameTask = List.of("1→1", "2→2", "3→3", "5→4", "6→4", "8→6");
        for (ParsedPlan.ParsedItem p : prior.items()) {
            for (ParsedPlan.ParsedItem c : current.items()) {
                double score = ItemMatcher.score(ItemMatcher.normalize(p.text()), ItemMatcher.normalize(c.text()),
                        new java.util.HashSet<>(p.namedUnits()), new java.util.HashSet<>(c.namedUnits()));
                if (!sameTask.contains(p.number() + "→" + c.number())) {
                    assertThat(score).as("%s→%s", p.number(), c.number()).isLessThan(ItemMatcher.THRESHOLD);
                }
            }
        }
    }

    @Test
    void withoutOutcomesEveryItemIsUnfinished() {
        List<Check> checks = LookBackPreview.run(prior, current, List.of(), rules).checks();
        assertThat(checks).filteredOn(c -> c.finding().equals("NOT_COMPLETED")).hasSize(prior.items().size());
        assertThat(checks).filteredOn(c -> c.finding().equals("QUOTA_UNMET")).extracting(Check::itemNumber).containsExactly("5");
        assertThat(checks).filteredOn(c -> c.finding().equals("MISSING_PERIOD")).extracting(Check::itemNumber).containsExactly("2");
    }

    @Test
    void outcomesDecideTheFindings() {
        List<Outcome> outcomes = Outcome.parse("""
                number,unit,status,completedOn,returns,reports,deduction
                1,,COMPLETED,2025-06-20,0,,
                3,县教育局,COMPLETED,2025-09-15,2,,
                5,,COMPLETED,2025-12-20,0,2,
                9,,COMPLETED,2025-06-10,0,,true
                """.getBytes(StandardCharsets.UTF_8));
        List<Check> checks = LookBackPreview.run(prior, current, outcomes, rules).checks();
        assertThat(findings(checks, "1")).containsExactly("EXPLICIT_DUTY");
        assertThat(findings(checks, "3")).containsExactly("COMPLETED_LATE", "EXPLICIT_DUTY", "RETURNED_REPEATEDLY");
        assertThat(findings(checks, "5")).as("two reports meet 不少于2次").containsExactly("EXPLICIT_DUTY");
        assertThat(findings(checks, "9")).containsExactly("DEDUCTION_POINT", "EXPLICIT_DUTY");
        assertThat(findings(checks, "4")).contains("NOT_COMPLETED");
    }

    @Test
    void outcomesAlsoReadAsJsonAndBadOnesAreRefused() {
        List<Outcome> json = Outcome.parse("[{\"number\":\"1\",\"status\":\"COMPLETED\",\"completedOn\":\"2025-07-02\",\"returns\":1}]"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(json).singleElement().satisfies(o -> {
            assertThat(o.completed()).isTrue();
            assertThat(o.returns()).isEqualTo(1);
        });
        assertThat(findings(LookBackPreview.run(prior, current, json, rules).checks(), "1")).contains("COMPLETED_LATE");
        assertThatThrownBy(() -> Outcome.parse("number,status\n1,DONE\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("COMPLETED");
    }

    private static List<String> findings(List<Check> checks, String number) {
        return checks.stream().filter(c -> c.itemNumber().equals(number)).map(Check::finding).sorted().toList();
    }
}
