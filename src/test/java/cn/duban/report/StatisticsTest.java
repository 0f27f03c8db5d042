package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/** The dashboard's figures and the rules preview, as the API gives them to the pages. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatisticsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void dashboardCountsByStatusAndUnitWithinTheCallersReach() {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 11;
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、测试\n1.公开统计事项甲。(责任单位:市甲局)9月底前\n"
                + "2.公开统计事项乙。(责任单位:市乙局)9月底前\n");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"完成\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");

        JsonNode all = api.get("admin", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(all.get("items").asInt()).isEqualTo(2);
        assertThat(all.get("completed").asInt()).isEqualTo(1);
        assertThat(all.get("open").asInt()).isEqualTo(1);
        assertThat(all.get("units").toString()).contains("\"unit\":\"jia\"", "\"unit\":\"yi\"");
        assertThat(all.get("completedByMonth")).hasSize(1);

        JsonNode jia = api.get("jia", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(jia.get("items").asInt()).as("a unit sees its own items only").isEqualTo(1);
        assertThat(jia.get("units").toString()).doesNotContain("\"yi\"");

        JsonNode events = api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&from=" + year + "-09-20&weeks=3").body();
        assertThat(events.toString()).contains("DUE_TODAY", "ESCALATE");
        assertThat(api.get("jia", "/api/admin/rules/simulate?plan=" + planId).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&completion=sometimes").status()).isEqualTo(400);
    }
}
