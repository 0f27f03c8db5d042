package cn.duban.rules;

import static cn.duban.rules.RuleFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules/signing.drl.csv and rules/queue.drl.csv: waiting tasks reminded on the tabled day, escalated after more. */
class WaitingTablesTest {

    @TempDir
    java.nio.file.Path dir;

    private static Waiting waiting(String step, String holder, int days) {
        return new Waiting(7, "7", step, holder, days);
    }

    @Test
    void anUnsignedTaskIsRemindedOnceThenEscalated() throws Exception {
        RuleBase rules = only("signing.drl.csv", dir);
        assertThat(reminders(rules, waiting("EXECUTE", "jia", 1))).isEmpty();
        assertThat(reminders(rules, waiting("EXECUTE", "jia", 2))).containsExactly("NOT_SIGNED");
        assertThat(reminders(rules, waiting("EXECUTE", "jia", 3))).isEmpty();
        assertThat(escalations(rules, waiting("EXECUTE", "jia", 4))).isEmpty();
        assertThat(escalations(rules, waiting("EXECUTE", "jia", 5))).containsExactly("1:逾期未签收");
        assertThat(escalations(rules, waiting("EXECUTE", "jia", 9))).containsExactly("1:逾期未签收");
        assertThat(reminders(rules, waiting("REVIEW", "SUPERVISOR", 2))).as("only a unit's task is signed for").isEmpty();
    }

    @Test
    void theQueueIsRemindedAndEscalatedByStep() throws Exception {
        RuleBase rules = only("queue.drl.csv", dir);
        assertThat(reminders(rules, waiting("REVIEW", "SUPERVISOR", 2))).isEmpty();
        assertThat(reminders(rules, waiting("REVIEW", "SUPERVISOR", 3))).containsExactly("WAITING");
        assertThat(reminders(rules, waiting("ASSIGN", "ADMIN", 3))).containsExactly("WAITING");
        assertThat(reminders(rules, waiting("VERIFY", "SUPERVISOR", 3))).isEmpty();
        assertThat(reminders(rules, waiting("VERIFY", "SUPERVISOR", 5))).containsExactly("WAITING");
        assertThat(escalations(rules, waiting("REVIEW", "SUPERVISOR", 5))).containsExactly("1:审核超期");
        assertThat(escalations(rules, waiting("VERIFY", "SUPERVISOR", 9))).isEmpty();
        assertThat(reminders(rules, waiting("EXTEND", "SUPERVISOR", 2))).containsExactly("WAITING");
        assertThat(escalations(rules, waiting("EXTEND", "SUPERVISOR", 5))).containsExactly("1:延期审批超期");
        assertThat(reminders(rules, waiting("SUB_REVIEW", "jia", 3))).containsExactly("WAITING");
        assertThat(escalations(rules, waiting("SUB_REVIEW", "jia", 5))).containsExactly("1:上级单位审核超期");
        assertThat(escalations(rules, waiting("SUPERVISE", "SUPERVISOR", 30))).as("no row, no rule").isEmpty();
        assertThat(reminders(rules, waiting("EXECUTE", "jia", 3))).isEmpty();
        // each row looks at one task: two tasks waiting are not mixed up
        assertThat(rules.evaluate(java.util.List.of(waiting("REVIEW", "SUPERVISOR", 5), new Waiting(8, "8", "ASSIGN", "ADMIN", 9)))
                .escalations()).extracting(e -> e.itemId() + ":" + e.reason()).containsExactlyInAnyOrder("7:审核超期", "8:交办确认超期");
    }
}
