package cn.duban.rules;

import static cn.duban.rules.RuleFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duban.rules.Colour.Shade;

/** rules/reminders.drl: overdue and lagging reminders. */
class RemindersRulesTest {


    @TempDir
    java.nio.file.Path dir;

    @Test
    void overdueUnitsAreRemindedEveryThreeWorkingDays() throws Exception {
        RuleBase rules = only("reminders.drl", dir);
        List<Integer> remindedOn = new ArrayList<>();
        for (int overdue = 0; overdue <= 8; overdue++) {
            if (reminders(rules, work(0, overdue, 100, 0, 0)).contains("OVERDUE")) {
                remindedOn.add(overdue);
            }
        }
        assertThat(remindedOn).containsExactly(1, 4, 7);
    }

    @Test
    void aLaggingUnitIsRemindedAtMostOnceAWeek() throws Exception {
        RuleBase rules = only("reminders.drl", dir);
        Work lagging = work(20, 0, 60, 10, 0);
        Colour yellow = new Colour(lagging, "YELLOW");
        assertThat(reminders(rules, lagging)).as("no yellow, no lagging reminder").isEmpty();
        assertThat(reminders(rules, lagging, yellow)).containsExactly("LAGGING");
        assertThat(reminders(rules, lagging, yellow, new Sent(7, "jia", "LAGGING", 2))).isEmpty();
        assertThat(reminders(rules, lagging, yellow, new Sent(7, "jia", "LAGGING", 5))).containsExactly("LAGGING");
        assertThat(reminders(rules, lagging, yellow, new Sent(7, "yi", "LAGGING", 1))).as("another unit's reminder")
                .containsExactly("LAGGING");
        assertThat(reminders(rules, work(20, 0, 60, 70, 0), yellow)).as("a unit ahead of time is not lagging").isEmpty();
    }
}
