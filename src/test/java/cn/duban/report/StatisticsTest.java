package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.TestToday;
import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;

/** The dashboard's figures and the rules preview, as the API gives them to the pages. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatisticsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanStore plans;

    @Autowired
    OrgDirectory directory;

    @Autowired
    TestToday today;

    @Test
    void dashboardCountsByStatusAndUnitWithinTheCallersReach() {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 11;
        long planId = twoUnitPlan(api, year, "测试");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"完成\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");

        JsonNode all = api.get("admin", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(all.get("items").asInt()).isEqualTo(2);
        assertThat(all.get("completed").asInt()).isEqualTo(1);
        assertThat(all.get("open").asInt()).isEqualTo(1);
        assertThat(all.get("units").toString()).contains("\"unit\":\"jia\"", "\"unit\":\"yi\"");
        assertThat(all.get("completedByMonth")).hasSize(1);

        assertThat(all.get("chapters").toString()).contains("{\"chapter\":\"一\",\"title\":\"测试\",\"items\":2,\"completed\":1}");
        assertThat(all.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(all.get("averageDaysLate").asDouble()).isZero();
        today.set(LocalDate.of(year, 9, 29));
        assertThat(api.post("admin", "/api/admin/sweep?date=" + year + "-09-29", "").status()).isEqualTo(200);
        today.set(LocalDate.of(year, 10, 9));
        assertThat(api.post("admin", "/api/admin/sweep?date=" + year + "-10-09", "").status()).isEqualTo(200);
        JsonNode swept = api.get("admin", "/api/stats/dashboard?plan=" + planId).body().get("units");
        JsonNode yi = swept.get(0).get("unit").asText().equals("yi") ? swept.get(0) : swept.get(1);
        assertThat(yi.get("reminders").asInt()).as("the open item's unit was reminded").isPositive();
        assertThat(yi.get("escalations").asInt()).as("and escalated once overdue").isPositive();
        JsonNode jiaStat = swept.get(0).get("unit").asText().equals("jia") ? swept.get(0) : swept.get(1);
        assertThat(jiaStat.get("reminders").asInt()).isZero();

        JsonNode jia = api.get("jia", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(jia.get("items").asInt()).as("a unit sees its own items only").isEqualTo(1);
        assertThat(jia.get("units").toString()).doesNotContain("\"yi\"");

        JsonNode events = api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&from=" + year + "-09-20&weeks=3").body();
        assertThat(events.toString()).contains("DUE_TODAY", "ESCALATE");
        assertThat(api.get("jia", "/api/admin/rules/simulate?plan=" + planId).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&completion=sometimes").status()).isEqualTo(400);
    }

    @Test
    void lateCompletionLowersTheOnTimeRateAndCountsDaysLate() {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() - 7;
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、补办\n1.补办逾期事项。(责任单位:市丁局)9月底前\n");
        api.complete("ding", api.task("ding", planId, "EXECUTE", "ding"), "{\"summary\":\"补办完成\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "ding"), "{\"decision\":\"APPROVE\"}");

        JsonNode stats = api.get("admin", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(stats.get("onTimeRate").asDouble()).isZero();
        assertThat(stats.get("averageDaysLate").asDouble())
                .isEqualTo((double) ChronoUnit.DAYS.between(LocalDate.of(year, 9, 30), LocalDate.now()));
    }

    @Test
    void aDashboardServesEveryCallerOfItsScopeUntilItsMaxAge() {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 17;
        long planId = twoUnitPlan(api, year, "看板");
        Statistics reused = new Statistics(jdbc, plans, Duration.ofHours(1));
        UserAccount admin = directory.user("admin").orElseThrow();
        UserAccount supervisor = directory.user("leader").orElseThrow();
        LocalDate today = LocalDate.now();
        Statistics.Dashboard before = reused.dashboard(admin, planId, today);
        assertThat(before.overdue()).isZero();

        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"完成\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");

        assertThat(reused.dashboard(supervisor, planId, today)).as("everyone who sees all shares one").isSameAs(before);
        assertThat(before.completed()).isZero();
        assertThat(reused.dashboard(directory.user("jia").orElseThrow(), planId, today).completed())
                .as("a unit's scope is computed apart").isEqualTo(1);
        assertThat(reused.dashboard(admin, planId, today.plusDays(1)).completed()).as("and so is another day").isEqualTo(1);
        assertThat(api.get("admin", "/api/stats/dashboard?plan=" + planId).body().get("completed").asInt())
                .as("with no max age (the tests' setting) every call is fresh").isEqualTo(1);
        assertThat(new Statistics(jdbc, plans, Duration.ofHours(1)).dashboard(admin, planId, LocalDate.of(year, 10, 9)).overdue())
                .as("the open item is overdue after its due date").isEqualTo(1);
    }

    /** A launched plan of two items due at the end of September, one for 市甲局 and one for 市乙局, in chapter 一. */
    private static long twoUnitPlan(Api api, int year, String chapterTitle) {
        return api.launchPlan("测试市" + year + "年政务公开工作要点\n一、" + chapterTitle + "\n1.公开" + chapterTitle + "事项甲。(责任单位:市甲局)9月底前\n"
                + "2.公开" + chapterTitle + "事项乙。(责任单位:市乙局)9月底前\n");
    }
}
