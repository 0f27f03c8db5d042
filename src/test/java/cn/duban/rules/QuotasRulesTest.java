package cn.duban.rules;

import static cn.duban.rules.RuleFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duban.rules.Colour.Shade;

/** rules/quotas.drl: quantitative requirements checked per period. */
class QuotasRulesTest {


    @TempDir
    java.nio.file.Path dir;

    static Quota quota(int required, int done, int left) {
        return new Quota(7, "7", "jia", required, done, "YEAR", left);
    }

    @Test
    void aShortQuotaIsRemindedThenEscalatedAtThePeriodsEnd() throws Exception {
        RuleBase rules = only("quotas.drl", dir);
        assertThat(reminders(rules, quota(2, 1, 5))).containsExactly("QUOTA");
        assertThat(reminders(rules, quota(2, 1, 4))).isEmpty();
        assertThat(escalations(rules, quota(2, 1, 0))).containsExactly("1:次数要求未达到 1/2");
        assertThat(escalations(rules, quota(2, 1, 1))).isEmpty();
        assertThat(reminders(rules, quota(1, 1, 5))).isEmpty();
        assertThat(escalations(rules, quota(1, 3, 0))).isEmpty();
    }
}
