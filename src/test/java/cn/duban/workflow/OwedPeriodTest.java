package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.Periods;

/** A recurring item shows the period its unit owes, with that period's due date, not the year's end. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OwedPeriodTest {

    private static final int YEAR = LocalDate.now().getYear() + 2;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    cn.duban.TestToday today;

    @Autowired
    cn.duban.rules.WorkCalendar calendar;

    @Test
    void periodsAreNamedAndTheOwedOneFollowsTheApprovedReports() {
        Deadline quarterly = new Deadline(Deadline.Kind.RECURRING, LocalDate.of(YEAR, 12, 31), Deadline.Frequency.QUARTERLY,
                "每季度", java.util.List.of());
        Periods.Period first = Periods.owed(quarterly, null, YEAR, 0);
        assertThat(first.end()).isEqualTo(LocalDate.of(YEAR, 3, 31));
        assertThat(Periods.name(quarterly, first)).isEqualTo(new Periods.Named("QUARTER", 1));
        assertThat(Periods.owed(quarterly, null, YEAR, 2).end()).isEqualTo(LocalDate.of(YEAR, 9, 30));
        assertThat(Periods.owed(quarterly, null, YEAR, 9).end()).as("all in: the last").isEqualTo(LocalDate.of(YEAR, 12, 31));
        Deadline monthly = new Deadline(Deadline.Kind.RECURRING, LocalDate.of(YEAR, 12, 31), Deadline.Frequency.MONTHLY, "每月",
                java.util.List.of());
        assertThat(Periods.name(monthly, Periods.owed(monthly, LocalDate.of(YEAR, 6, 20), YEAR, 0)))
                .as("issued in late June: June folds into July").isEqualTo(new Periods.Named("MONTH", 7));
        Deadline dated = new Deadline(Deadline.Kind.DATE, LocalDate.of(YEAR, 9, 30), null, "9月底前", java.util.List.of());
        assertThat(Periods.owed(dated, null, YEAR, 0)).as("one period: the item's own due date").isNull();
    }

    @Test
    void theTaskListAndTheItemPageShowTheQuarterOwed() throws Exception {
        Api api = new Api(mvc);
        long planId = api.launchPlan("周期市" + YEAR + "年政务公开工作要点\n一、公开\n1.每季度公开一次财政资金使用情况。(责任单位:市甲局)\n");
        JsonNodeTask task = JsonNodeTask.of(api, planId);
        assertThat(task.due).isEqualTo(LocalDate.of(YEAR, 3, 31).toString());
        String list = page("jia", "/?plan=" + planId);
        assertThat(list).contains("第1季度 · " + YEAR + "-03-31").doesNotContain(YEAR + "-12-31");
        assertThat(page("jia", "/items/" + task.itemId)).contains("本期应报: 第1季度, 截止 " + YEAR + "-03-31");

        // once past its date the quarter is shown late, not as a negative count of days left
        LocalDate later = LocalDate.of(YEAR, 4, 20);
        int late = calendar.workingDaysBetween(LocalDate.of(YEAR, 3, 31), later);
        today.set(later);
        try {
            assertThat(page("jia", "/?plan=" + planId)).contains("逾期 " + late).doesNotContain(">-" + late);
            assertThat(page("jia", "/items/" + task.itemId)).contains("截止 " + YEAR + "-03-31, 已逾期 " + late + " 个工作日");
        } finally {
            today.set(null);
        }
    }

    /** The unit's open task on the plan, as the API lists it. */
    private record JsonNodeTask(String id, long itemId, String due) {
        static JsonNodeTask of(Api api, long planId) {
            var t = api.tasks("jia", planId).get(0);
            return new JsonNodeTask(t.get("id").asText(), t.get("itemId").asLong(), t.get("due").asText());
        }
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
