package cn.duban.lookback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;

/** 回头看 from end to end: last year's open item is checked, rectified this year, and counted in the report. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LookBackFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    cn.duban.TestToday today;

    /** Years ahead, so that reports made today are on time for last year's due dates. */
    static final int PRIOR = LocalDate.now().getYear() + 8;

    static String plan(int year, String... items) {
        StringBuilder text = new StringBuilder("测试县人民政府办公室关于印发测试县" + year + "年政务公开工作要点的通知\n"
                + "测试县" + year + "年政务公开工作要点\n一、公开\n");
        for (int i = 0; i < items.length; i++) {
            text.append(i + 1).append('.').append(items[i]).append('\n');
        }
        return text.toString();
    }

    private long importPlan(Api api, String text) {
        return api.upload("admin", "/api/plans/import", "p.txt", text.getBytes(StandardCharsets.UTF_8)).body().get("planId").asLong();
    }

    @Test
    void lastYearsOpenItemIsCheckedRectifiedAndReported() {
        Api api = new Api(mvc);
        long priorPlan = api.launchPlan(plan(PRIOR, "公开预算信息,按时公开部门预算报表。(责任单位:市甲局)6月底前",
                "公开审计整改结果。(责任单位:市乙局)9月底前"));
        // last year: 市甲局 reported and was approved; 市乙局 never reported
        api.complete("jia", api.task("jia", priorPlan, "EXECUTE", "jia"), "{\"summary\":\"已公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", priorPlan, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");
        long priorItem2 = api.tasks("yi", priorPlan).get(0).get("itemId").asLong();

        long currentPlan = importPlan(api, plan(PRIOR + 1, "进一步公开预算信息,按时公开部门预算和决算报表。(责任单位:市甲局)6月底前",
                "推进政务公开专区建设。(责任单位:市丙局)年底前"));
        Response launched = api.post("admin", "/api/plans/" + currentPlan + "/launch", "");
        assertThat(launched.body().get("lookBackCases").asInt()).isEqualTo(2);

        JsonNode matches = api.get("admin", "/api/lookback/" + currentPlan + "/matches").body();
        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).get("priorNumber").asText()).isEqualTo("1");
        assertThat(matches.get(0).get("currentNumber").asText()).isEqualTo("1");
        assertThat(matches.get(0).get("status").asText()).isEqualTo("SUGGESTED");
        assertThat(matches.get(1).hasNonNull("currentItemId")).as("the audit item was dropped this year").isFalse();

        // 市乙局 explains and plans the rectification; the supervisor carries it into this year
        String rectify = api.task("yi", currentPlan(api, "yi", "RECTIFY"), "RECTIFY", "yi");
        assertThat(api.complete("yi", rectify, "{\"summary\":\"因审计报告延期, 未公开\",\"rectification\":\"一季度内公开审计整改结果\"}")
                .status()).as("a plan needs a date").isEqualTo(400);
        LocalDate by = LocalDate.of(PRIOR + 1, 3, 31);
        assertThat(api.complete("yi", rectify, "{\"summary\":\"因审计报告延期, 未公开\",\"rectification\":\"一季度内公开审计整改结果\","
                + "\"due\":\"" + by + "\"}").status()).isEqualTo(200);
        String verify = api.tasks("leader", priorPlan).stream().filter(t -> t.get("step").asText().equals("VERIFY")
                && t.get("itemId").asLong() == priorItem2).findFirst().orElseThrow().get("id").asText();
        assertThat(api.complete("yi", verify, "{\"decision\":\"RECTIFY\"}").status()).isEqualTo(403);
        assertThat(api.complete("leader", verify, "{\"decision\":\"RECTIFY\",\"comment\":\"转入本年度整改\"}").status()).isEqualTo(200);

        JsonNode rectification = api.tasks("yi", currentPlan).get(0);
        assertThat(rectification.get("step").asText()).isEqualTo("EXECUTE");
        assertThat(rectification.get("itemNumber").asText()).isEqualTo("整改2");
        assertThat(rectification.get("due").asText()).isEqualTo(by.toString());
        assertThat(rectification.get("title").asText()).contains("回头看整改", "公开审计整改结果");

        // 市甲局's item ended well but had a unit and a date: checked, and verified as done
        String jiaCase = api.task("jia", currentPlan(api, "jia", "RECTIFY"), "RECTIFY", "jia");
        api.complete("jia", jiaCase, "{\"summary\":\"已于6月按时公开\"}");
        String jiaVerify = api.tasks("leader", priorPlan).stream().filter(t -> t.get("step").asText().equals("VERIFY"))
                .findFirst().orElseThrow().get("id").asText();
        api.complete("leader", jiaVerify, "{\"decision\":\"RESOLVED\"}");

        JsonNode report = api.get("admin", "/api/lookback/" + currentPlan + "/report").body();
        assertThat(report.get("cases").asInt()).isEqualTo(2);
        assertThat(report.at("/byFinding/NOT_COMPLETED").asInt()).isEqualTo(1);
        assertThat(report.at("/byFinding/EXPLICIT_DUTY").asInt()).isEqualTo(2);
        List<String> units = new java.util.ArrayList<>();
        report.get("units").forEach(u -> units.add(u.get("unit").asText() + ":" + u.get("resolved").asInt() + "/"
                + u.get("rectifying").asInt() + "/" + u.get("open").asInt()));
        assertThat(units).containsExactlyInAnyOrder("jia:1/0/0", "yi:0/1/0");
        String markdown = api.get("admin", "/api/lookback/" + currentPlan + "/report?format=md").raw();
        assertThat(markdown).contains("回头看", "市乙局", "转入本年度整改, 时限 " + by, "已整改到位");
        assertThat(api.get("jia", "/api/lookback/" + currentPlan + "/report").body().get("cases").asInt())
                .as("a unit sees its own cases").isEqualTo(1);
        JsonNode annual = api.get("admin", "/api/plans/" + currentPlan + "/report").body().get("lookBack");
        assertThat(annual.get("checked").asInt()).isEqualTo(2);
        assertThat(annual.get("resolved").asInt()).isEqualTo(1);
        assertThat(annual.get("rectifying").asInt()).isEqualTo(1);
        assertThat(annual.at("/byFinding/未办结").asInt()).isEqualTo(1);
        assertThat(api.get("admin", "/api/plans/" + currentPlan + "/report.md").raw())
                .contains("核查事项2项, 已说明办结1项, 整改中1项, 待核查0项; 核查发现: ");

        long matchId = matches.get(0).get("id").asLong();
        assertThat(api.call("jia", MockMvcRequestBuilders.put("/api/lookback/matches/" + matchId)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REJECTED\"}")).status()).isEqualTo(403);
        Response rejected = api.call("admin", MockMvcRequestBuilders.put("/api/lookback/matches/" + matchId)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REJECTED\"}"));
        assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().hasNonNull("currentItemId")).isFalse();
        assertThat(api.call("admin", MockMvcRequestBuilders.put("/api/items/" + priorItem2 + "/deduction")
                .contentType(MediaType.APPLICATION_JSON).content("{\"deduction\":true}")).status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/items/" + priorItem2).body().at("/item/deduction").asBoolean()).isTrue();
    }

    /** The plan whose look-back task the unit holds (look-back tasks belong to last year's items). */
    private long currentPlan(Api api, String unit, String step) {
        return api.get(unit, "/api/tasks?step=" + step).body().get(0).get("planId").asLong();
    }

    /**
     * Last year's returns and approved extension, tallied for the whole plan at once, reach the look-back's rules: a
     * plan of years ago, its extension asked for before its due date, its work approved (now) after it.
     */
    @Test
    void lastYearsReturnsAndExtensionAreCounted() {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() - 5;
        long priorPlan = api.launchPlan(plan(year, "公开政务服务事项清单。(责任单位:市丙局)6月底前"));
        for (int returned = 0; returned < 2; returned++) {
            assertThat(api.complete("bing", api.task("bing", priorPlan, "EXECUTE", "bing"), "{\"summary\":\"已公开\",\"percent\":60}")
                    .status()).isEqualTo(200);
            assertThat(api.complete("leader", api.task("leader", priorPlan, "REVIEW", "bing"),
                    "{\"decision\":\"RETURN\",\"comment\":\"请补充\"}").status()).isEqualTo(200);
        }
        String work = api.task("bing", priorPlan, "EXECUTE", "bing");
        today.set(LocalDate.of(year, 6, 21));
        try {
            assertThat(api.post("bing", "/api/tasks/" + work + "/extension", "{\"due\":\"" + year + "-07-30\",\"reason\":\"待上级批复\"}")
                    .status()).isEqualTo(201);
        } finally {
            today.set(null);
        }
        assertThat(api.complete("leader", api.task("leader", priorPlan, "EXTEND", "bing"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);
        assertThat(api.complete("bing", work, "{\"summary\":\"已补充公开\",\"percent\":100}").status()).isEqualTo(200);
        assertThat(api.complete("leader", api.task("leader", priorPlan, "REVIEW", "bing"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);

        long currentPlan = api.launchPlan(plan(year + 1, "进一步公开政务服务事项清单。(责任单位:市丙局)6月底前"));
        JsonNode report = api.get("admin", "/api/lookback/" + currentPlan + "/report").body();
        assertThat(report.get("cases").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.at("/byFinding/RETURNED_REPEATEDLY").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.at("/byFinding/COMPLETED_AFTER_EXTENSION").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.at("/byFinding/COMPLETED_LATE").asInt()).as("approved after the new date too").isEqualTo(1);
        assertThat(report.at("/byFinding/NOT_COMPLETED").asInt()).as(report.toString()).isZero();
    }
}
