package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.duban.system.Folders;

/** The rule files shipped in rules/ compile together. */
class RuleFilesTest {

    @Test
    void theShippedFilesCompileTogether() {
        RuleBase rules = new RuleBase("rules");
        assertThat(rules.files()).containsExactlyInAnyOrder("assign.drl", "lookback.drl", "quotas.drl", "reminders.drl", "scoring.drl.csv",
                "thresholds.drl.csv", "signing.drl.csv", "queue.drl.csv", "extension.drl.csv");
        assertThat(Folders.read("rules", "rules", ".csv")).extracting(Folders.FileText::name).contains("holidays.csv");
    }
}
