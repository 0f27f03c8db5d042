package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.TestToday;
import cn.duban.rules.WorkCalendar;

/**
 * 考评 through the API: two units, one done on time, the other late, returned once and escalated once; their scores
 * differ by exactly the points of rules/scoring.drl.csv, every line names its cause, a unit sees only its own score,
 * and a new value the office uploads changes the score.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScoresTest {

    private static final int YEAR = LocalDate.now().getYear() + 43;
    private static final LocalDate DUE = LocalDate.of(YEAR, 9, 30);
    private static final String TABLE = "/api/admin/rules/scoring.drl.csv";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestToday today;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String inForce;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        inForce = api.get("admin", TABLE).raw();
    }

    /** The other tests see the shipped points again. */
    @AfterEach
    void restoreTheTable() {
        assertThat(put(inForce).status()).isEqualTo(200);
    }

    private Api.Response put(String table) {
        return api.call("admin", MockMvcRequestBuilders.put(TABLE).contentType(MediaType.TEXT_PLAIN)
                .content(table.getBytes(StandardCharsets.UTF_8)));
    }

    /** The points of each cause in a table's data rows (CAUSE,points). */
    private static Map<String, Integer> points(String table) {
        Map<String, Integer> points = new HashMap<>();
        table.lines().filter(l -> l.matches("[A-Z_]+,-?\\d+")).forEach(l -> points.put(l.split(",")[0], Integer.parseInt(l.split(",")[1])));
        return points;
    }

    private LocalDate afterDue(int workingDays) {
        LocalDate d = DUE;
        for (int left = workingDays; left > 0; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private JsonNode scores(String user, long planId) {
        Api.Response r = api.get(user, "/api/stats/scores?plan=" + planId);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode of(JsonNode scores, String unit) {
        for (JsonNode s : scores) {
            if (s.get("unit").asText().equals(unit)) {
                return s;
            }
        }
        throw new AssertionError("no score for " + unit + ": " + scores);
    }

    private static int lineCount(JsonNode score, String cause) {
        for (JsonNode l : score.get("lines")) {
            if (l.get("cause").asText().equals(cause)) {
                return l.get("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void onTimeAndLateUnitsDifferByTheTablesPointsLineByLine() throws Exception {
        long planId = api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n一、考评\n"
                + "1.公开考评事项甲。(责任单位:市甲局)9月底前\n"
                + "2.公开考评事项乙。(责任单位:市乙局)9月底前\n");
        // 市甲局 hands in and is approved today, long before the due date
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");
        // 市乙局 is returned once, escalated by the sweep the day after its due date, and approved three working days late
        api.complete("yi", api.task("yi", planId, "EXECUTE", "yi"), "{\"summary\":\"初稿\",\"percent\":60}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "yi"), "{\"decision\":\"RETURN\",\"comment\":\"不完整\"}");
        api.sweep(today, afterDue(1));
        api.complete("yi", api.task("yi", planId, "EXECUTE", "yi"), "{\"summary\":\"已补充公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "yi"), "{\"decision\":\"APPROVE\"}");
        // the server stamps reviews with the real time: the approval is dated to the day the test's year has reached
        LocalDate approved = afterDue(3);
        jdbc.sql("update progress_report set reviewed_at = ? where unit_code = 'yi' and decision = 'APPROVE' "
                        + "and item_id in (select id from item where plan_id = ?)")
                .params(Timestamp.valueOf(approved.atTime(10, 0)), planId).update();
        today.set(afterDue(10));

        Map<String, Integer> table = points(inForce);
        JsonNode all = scores("admin", planId);
        assertThat(all).hasSize(2);
        JsonNode jia = of(all, "jia");
        JsonNode yi = of(all, "yi");
        assertThat(lineCount(jia, "ON_TIME")).isEqualTo(1);
        assertThat(lineCount(jia, "OVERDUE_DAY")).isZero();
        assertThat(lineCount(yi, "ON_TIME")).isZero();
        assertThat(lineCount(yi, "OVERDUE_DAY")).isEqualTo(3);
        assertThat(lineCount(yi, "RETURN")).isEqualTo(1);
        assertThat(lineCount(yi, "ESCALATION")).isEqualTo(1);
        int difference = table.get("ON_TIME") - 3 * table.get("OVERDUE_DAY") - table.get("RETURN") - table.get("ESCALATION");
        assertThat(jia.get("score").asInt() - yi.get("score").asInt()).isEqualTo(difference);
        assertThat(jia.get("score").asInt()).isEqualTo(table.get("BASE") + table.get("ON_TIME"));
        assertThat(jia.get("rank").asInt()).isEqualTo(1);
        assertThat(yi.get("rank").asInt()).isEqualTo(2);
        assertThat(yi.get("unitName").asText()).isEqualTo("市乙局");
        assertThat(yi.get("lines").findValuesAsText("text")).containsExactly("基础分 " + table.get("BASE") + "分",
                "逾期工作日 3 × " + table.get("OVERDUE_DAY") + "分 = " + 3 * table.get("OVERDUE_DAY") + "分",
                "被退回 1 × " + table.get("RETURN") + "分 = " + table.get("RETURN") + "分",
                "升级督办 1 × " + table.get("ESCALATION") + "分 = " + table.get("ESCALATION") + "分");
        int sum = 0;
        for (JsonNode l : yi.get("lines")) {
            sum += l.get("points").asInt();
        }
        assertThat(sum).as("every point has its line").isEqualTo(yi.get("score").asInt());

        // a unit user sees its own score only, with its rank among all
        JsonNode own = scores("yi", planId);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("unit").asText()).isEqualTo("yi");
        assertThat(own.get(0).get("rank").asInt()).isEqualTo(2);
        assertThat(scores("bing", planId)).isEmpty();
        assertThat(api.get("leader", "/api/stats/scores?plan=" + planId).status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/stats/scores?plan=999999999").status()).isEqualTo(404);
        assertThat(api.get("admin", "/api/stats/scores").status()).isEqualTo(400);

        // the documents and the dashboard show the same scores
        String markdown = api.get("admin", "/api/plans/" + planId + "/report.md").raw();
        assertThat(markdown).contains("### 考评得分", "| 2 | 市乙局 | " + yi.get("score").asInt() + " | 基础分");
        String dashboard = mvc.perform(MockMvcRequestBuilders.get("/dashboard?plan=" + planId).with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("id=\"ranking\"", "data-unit=\"yi\"", "data-cause=\"RETURN\"");

        // the office gives a return more weight: only 市乙局's score changes, by its one return
        int heavier = table.get("RETURN") - 5;
        String changed = inForce.replace("\nRETURN," + table.get("RETURN") + "\n", "\nRETURN," + heavier + "\n");
        assertThat(changed).isNotEqualTo(inForce);
        assertThat(put(changed).status()).isEqualTo(200);
        JsonNode after = scores("admin", planId);
        assertThat(of(after, "yi").get("score").asInt()).isEqualTo(yi.get("score").asInt() - 5);
        assertThat(of(after, "jia").get("score").asInt()).isEqualTo(jia.get("score").asInt());
        assertThat(put(inForce.replace("\nRETURN," + table.get("RETURN") + "\n", "\nRETURN,很多\n")).raw())
                .as("a value that is no number is refused").contains("分值");
        assertThat(put(inForce.replace("\nRETURN,", "\nRETURNS,")).status()).as("an unknown cause is refused").isEqualTo(400);
    }

    /** The rules page's preview ends the simulated year with the scores its course of reports would give. */
    @Test
    void theRulesPreviewShowsTheScoresOfTheSimulatedYear() throws Exception {
        long planId = api.launchPlan("测试市" + (YEAR + 1) + "年政务公开工作要点\n一、考评\n1.公开预演事项。(责任单位:市丙局)9月底前\n");
        String never = page("/rules?plan=" + planId + "&completion=none");
        String onTime = page("/rules?plan=" + planId + "&completion=ontime");
        assertThat(never).contains("id=\"rules-scores\"", "data-unit=\"bing\"", "data-cause=\"OVERDUE_DAY\"",
                "data-cause=\"ESCALATION\"").doesNotContain("data-cause=\"ON_TIME\"");
        assertThat(onTime).contains("id=\"rules-scores\"", "data-cause=\"ON_TIME\"").doesNotContain("data-cause=\"OVERDUE_DAY\"");
        assertThat(page("/rules?plan=" + planId + "&completion=sometimes")).as("a bad course is told in place")
                .contains("--completion");
    }

    private String page(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
