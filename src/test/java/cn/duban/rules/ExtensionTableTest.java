package cn.duban.rules;

import static cn.duban.rules.RuleFacts.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules/extension.drl.csv: one approved extension per unit and item, at most 40 working days later; beyond, refused. */
class ExtensionTableTest {

    @TempDir
    java.nio.file.Path dir;

    private static List<String> refusals(RuleBase rules, int approvedBefore, int workingDaysLater) {
        ExtensionRequest asked = new ExtensionRequest(7, "jia", approvedBefore, workingDaysLater);
        rules.fire(List.of(asked), ExtensionRequest.class);
        return asked.refusals();
    }

    @Test
    void theTableRefusesASecondExtensionAndTooFarADate() throws Exception {
        RuleBase rules = only("extension.drl.csv", dir);
        assertThat(refusals(rules, 0, 1)).isEmpty();
        assertThat(refusals(rules, 0, 40)).isEmpty();
        assertThat(refusals(rules, 0, 41)).containsExactly("新期限不得晚于原期限 40 个工作日");
        assertThat(refusals(rules, 1, 5)).containsExactly("本单位在该事项上已获批延期 1 次，不能再申请");
        assertThat(refusals(rules, 2, 50)).containsExactlyInAnyOrder("本单位在该事项上已获批延期 1 次，不能再申请",
                "新期限不得晚于原期限 40 个工作日");
    }
}
