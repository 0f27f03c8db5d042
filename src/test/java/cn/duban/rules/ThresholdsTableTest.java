package cn.duban.rules;

import static cn.duban.rules.RuleFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duban.rules.Colour.Shade;

/** rules/thresholds.drl.csv: the decision table of reminder days, escalation steps and colours. */
class ThresholdsTableTest {


    @TempDir
    java.nio.file.Path dir;

    @Test
    void remindersFallOnTheTabledDaysBeforeDue() throws Exception {
        RuleBase rules = only("thresholds.drl.csv", dir);
        assertThat(reminders(rules, work(5, 0, 80, 80, 0))).containsExactly("DUE_SOON");
        assertThat(reminders(rules, work(1, 0, 95, 95, 0))).containsExactly("DUE_TOMORROW");
        assertThat(reminders(rules, work(0, 0, 100, 100, 0))).containsExactly("DUE_TODAY");
        for (int left : new int[] {2, 3, 4, 6, 20}) {
            assertThat(reminders(rules, work(left, 0, 50, 50, 0))).as("%d days left", left).isEmpty();
        }
        assertThat(reminders(rules, work(0, 2, 100, 100, 0))).as("overdue is not 'due today'").isEmpty();
    }

    @Test
    void overdueEscalatesLevelByLevelAndReturnsEscalateOnce() throws Exception {
        RuleBase rules = only("thresholds.drl.csv", dir);
        assertThat(escalations(rules, work(3, 0, 50, 50, 0))).isEmpty();
        assertThat(escalations(rules, work(0, 1, 100, 0, 0))).containsExactly("1:逾期未报送");
        assertThat(escalations(rules, work(0, 2, 100, 0, 0))).containsExactly("1:逾期未报送");
        assertThat(escalations(rules, work(0, 3, 100, 0, 0))).containsExactly("1:逾期未报送", "2:逾期未报送");
        assertThat(escalations(rules, work(0, 9, 100, 0, 0))).containsExactly("1:逾期未报送", "2:逾期未报送", "3:逾期未报送");
        assertThat(escalations(rules, work(10, 0, 20, 20, 1))).isEmpty();
        assertThat(escalations(rules, work(10, 0, 20, 20, 2))).containsExactly("1:多次退回");
    }

    @Test
    void coloursFollowDueDateLagAndOverdue() throws Exception {
        RuleBase rules = only("thresholds.drl.csv", dir);
        assertThat(colours(rules, work(20, 0, 40, 40, 0))).isEmpty();
        assertThat(colours(rules, work(5, 0, 90, 90, 0))).containsExactly(Shade.BLUE);
        assertThat(colours(rules, work(20, 0, 50, 20, 0))).containsExactly(Shade.YELLOW);
        assertThat(colours(rules, work(20, 0, 50, 21, 0))).as("29 points behind is not lagging").isEmpty();
        assertThat(colours(rules, work(3, 0, 90, 10, 0))).containsExactly(Shade.BLUE, Shade.YELLOW);
        assertThat(colours(rules, work(0, 1, 100, 10, 0))).containsExactly(Shade.RED);
    }
}
