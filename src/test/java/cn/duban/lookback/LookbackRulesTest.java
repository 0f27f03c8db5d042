package cn.duban.lookback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duban.rules.RuleBase;

/** rules/lookback.drl: each rule fires exactly on the facts meant for it. */
class LookbackRulesTest {

    static RuleBase rules;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/lookback.drl"), dir.resolve("lookback.drl"));
        rules = new RuleBase(dir.toString());
    }

    /** A unit's work that ended well: completed on time, never returned, no requirement, not recurring. */
    static PriorItem done() {
        return new PriorItem(1, "1", "jia", true, false, 0, false, false, false, 0, 0, 0, false);
    }

    static List<String> findings(PriorItem fact) {
        return rules.fire(List.of(fact), Check.class).stream().map(Check::finding).sorted().toList();
    }

    @Test
    void extendedDueDecidesLateAndExtended() {
        cn.duban.plan.parse.Deadline due = new cn.duban.plan.parse.Deadline(cn.duban.plan.parse.Deadline.Kind.DATE,
                java.time.LocalDate.of(2026, 6, 30), null, null, List.of());
        java.time.LocalDate july = java.time.LocalDate.of(2026, 7, 20);
        PriorItem extended = LookBackPreview.fact(1, "1", "jia", due, List.of(), java.time.LocalDate.of(2026, 2, 1), 2026,
                true, july, 0, 1, false, java.time.LocalDate.of(2026, 7, 31));
        assertThat(findings(extended)).containsExactly("COMPLETED_AFTER_EXTENSION", "EXPLICIT_DUTY");
        PriorItem lateStill = LookBackPreview.fact(1, "1", "jia", due, List.of(), java.time.LocalDate.of(2026, 2, 1), 2026,
                true, july, 0, 1, false, java.time.LocalDate.of(2026, 7, 10));
        assertThat(findings(lateStill)).containsExactly("COMPLETED_AFTER_EXTENSION", "COMPLETED_LATE", "EXPLICIT_DUTY");
        PriorItem plain = LookBackPreview.fact(1, "1", "jia", due, List.of(), java.time.LocalDate.of(2026, 2, 1), 2026,
                true, july, 0, 1, false, null);
        assertThat(findings(plain)).containsExactly("COMPLETED_LATE", "EXPLICIT_DUTY");
    }

    @Test
    void workThatEndedWellNeedsNoCheck() {
        assertThat(findings(done())).isEmpty();
    }

    @Test
    void eachFindingHasItsFact() {
        assertThat(findings(new PriorItem(1, "1", "jia", false, false, 0, false, false, false, 0, 0, 0, false)))
                .containsExactly("NOT_COMPLETED");
        assertThat(findings(new PriorItem(1, "1", "jia", true, true, 0, false, false, false, 0, 0, 0, false)))
                .containsExactly("COMPLETED_LATE");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 2, false, false, false, 0, 0, 0, false)))
                .containsExactly("RETURNED_REPEATEDLY");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 1, false, false, false, 0, 0, 0, false)))
                .as("returned once").isEmpty();
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, true, false, false, 0, 0, 0, false)))
                .containsExactly("EXPLICIT_DUTY");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, true, false, 0, 0, 0, false)))
                .containsExactly("DEDUCTION_POINT");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, false, true, 2, 0, 0, false)))
                .containsExactly("MISSING_PERIOD");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, false, true, 0, 0, 0, false)))
                .as("recurring, every period reported").isEmpty();
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, false, false, 0, 2, 1, false)))
                .containsExactly("QUOTA_UNMET");
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, false, false, 0, 2, 2, false))).isEmpty();
        assertThat(findings(new PriorItem(1, "1", "jia", true, false, 0, false, false, false, 0, 0, 0, true)))
                .as("on time by the extended date only").containsExactly("COMPLETED_AFTER_EXTENSION");
        assertThat(findings(new PriorItem(1, "1", "jia", false, false, 3, true, true, true, 4, 1, 0, false)))
                .containsExactly("DEDUCTION_POINT", "EXPLICIT_DUTY", "MISSING_PERIOD", "NOT_COMPLETED", "QUOTA_UNMET",
                        "RETURNED_REPEATEDLY");
    }
}
