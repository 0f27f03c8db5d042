package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/**
 * 领导批示: a supervisor's instruction reaches the unit it is to (and only it), the unit's next report must say how it
 * was carried out, and the answer closes it for that unit; the trail and the audit log keep both.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InstructionTest {

    private static final int YEAR = LocalDate.now().getYear() + 47;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void anInstructionToOneUnitMustBeAnsweredByItsNextReportAndOnlyByIt() {
        Api api = new Api(mvc);
        long plan = api.launchPlan("批示市" + YEAR + "年政务公开工作要点\n一、公开\n1.公开重点民生实事进展情况。(责任单位:市丙局、市丁局)11月底前\n");
        String bingTask = api.task("bing", plan, "EXECUTE", "bing");
        String dingTask = api.task("ding", plan, "EXECUTE", "ding");
        long item = api.tasks("bing", plan).get(0).get("itemId").asLong();

        Api.Response added = api.post("leader", "/api/items/" + item + "/instructions",
                "{\"text\":\"请于月底前公开资金使用明细<b>\",\"unit\":\"bing\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("unit").asText()).isEqualTo("bing");
        assertThat(added.body().get("answers")).isEmpty();
        assertThat(kinds(api, "bing", item)).containsExactly("INSTRUCTION");
        assertThat(kinds(api, "ding", item)).as("the sibling's inbox").isEmpty();

        assertThat(api.get("ding", "/api/items/" + item + "/instructions").body()).as("the sibling sees no other unit's").isEmpty();
        JsonNode dingView = api.get("ding", "/api/items/" + item).body();
        assertThat(dingView.get("instructions")).isEmpty();
        assertThat(actions(dingView)).doesNotContain("INSTRUCTED");
        assertThat(api.get("bing", "/api/items/" + item).body().get("instructions").get(0).get("text").asText())
                .isEqualTo("请于月底前公开资金使用明细<b>");
        assertThat(api.post("ding", "/api/tasks/" + dingTask + "/progress", "{\"summary\":\"已起草\",\"percent\":40}").status())
                .as("the sibling need not answer it").isEqualTo(200);

        Api.Response without = api.complete("bing", bingTask, "{\"summary\":\"已公开\",\"percent\":100}");
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.body().get("error").asText()).contains("instructionAnswer");
        assertThat(api.post("bing", "/api/tasks/" + bingTask + "/progress", "{\"summary\":\"已起草\",\"percent\":50}").status())
                .as("an interim report must answer too").isEqualTo(400);
        assertThat(api.complete("bing", bingTask,
                "{\"summary\":\"已公开\",\"percent\":100,\"instructionAnswer\":\"已在门户网站公开资金明细\"}").status()).isEqualTo(200);

        JsonNode answered = api.get("leader", "/api/items/" + item + "/instructions").body().get(0);
        assertThat(answered.get("answers")).hasSize(1);
        assertThat(answered.get("answers").get(0).get("unit").asText()).isEqualTo("bing");
        assertThat(answered.get("answers").get(0).get("text").asText()).isEqualTo("已在门户网站公开资金明细");
        assertThat(answered.get("answers").get(0).get("answeredBy").asText()).isEqualTo("bing");
        JsonNode view = api.get("admin", "/api/items/" + item).body();
        assertThat(actions(view)).contains("INSTRUCTED", "INSTRUCTION_ANSWERED");
        List<String> audited = new ArrayList<>();
        api.get("admin", "/api/admin/audit?subject=item:" + item).body().forEach(e -> audited.add(e.get("action").asText()));
        assertThat(audited).contains("INSTRUCTION_ADDED", "INSTRUCTION_ANSWERED");

        // to the whole item: every unit's inbox, and the unit still working must answer it
        assertThat(api.post("admin", "/api/items/" + item + "/instructions", "{\"text\":\"注意保护个人信息\"}").status()).isEqualTo(201);
        assertThat(kinds(api, "ding", item)).containsExactly("INSTRUCTION");
        assertThat(kinds(api, "bing", item)).hasSize(2);
        assertThat(api.get("ding", "/api/items/" + item + "/instructions").body()).hasSize(1);
        assertThat(api.post("ding", "/api/tasks/" + dingTask + "/progress", "{\"summary\":\"已核查\",\"percent\":60}").status())
                .isEqualTo(400);
        assertThat(api.post("ding", "/api/tasks/" + dingTask + "/progress",
                "{\"summary\":\"已核查\",\"percent\":60,\"instructionAnswer\":\"已删去身份证号\"}").status()).isEqualTo(200);
        assertThat(api.post("ding", "/api/tasks/" + dingTask + "/progress", "{\"summary\":\"已定稿\",\"percent\":80}").status())
                .as("answered: the next report need not answer again").isEqualTo(200);
        JsonNode whole = api.get("leader", "/api/items/" + item + "/instructions").body().get(0);
        assertThat(whole.hasNonNull("unit")).as("to the whole item").isFalse();
        assertThat(whole.get("answers")).hasSize(1);
        assertThat(api.get("bing", "/api/items/" + item + "/instructions").body().get(0).get("answers"))
                .as("a unit sees its own answers only").isEmpty();
    }

    @Test
    void badInstructionsAreRefused() {
        Api api = new Api(mvc);
        long plan = api.launchPlan("批示市" + (YEAR + 1) + "年政务公开工作要点\n一、公开\n1.公开政策解读材料。(责任单位:市丙局)10月底前\n");
        long item = api.tasks("bing", plan).get(0).get("itemId").asLong();
        Api.Response blank = api.post("leader", "/api/items/" + item + "/instructions", "{\"text\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("error").asText()).contains("text");
        Api.Response stranger = api.post("leader", "/api/items/" + item + "/instructions", "{\"text\":\"请办理\",\"unit\":\"jia\"}");
        assertThat(stranger.status()).as("a unit the item does not involve").isEqualTo(400);
        assertThat(stranger.body().get("error").asText()).contains("unit");
        assertThat(api.post("bing", "/api/items/" + item + "/instructions", "{\"text\":\"请办理\"}").status()).isEqualTo(403);
        assertThat(api.post("leader", "/api/items/999999999/instructions", "{\"text\":\"请办理\"}").status()).isEqualTo(404);

        // a completed item: no unit's next report would answer it
        assertThat(api.complete("bing", api.task("bing", plan, "EXECUTE", "bing"), "{\"summary\":\"已公开\",\"percent\":100}")
                .status()).isEqualTo(200);
        assertThat(api.complete("leader", api.task("leader", plan, "REVIEW", "bing"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);
        Api.Response closed = api.post("leader", "/api/items/" + item + "/instructions", "{\"text\":\"请办理\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body().get("error").asText()).contains("已办结");
    }

    @Test
    void thePageTakesTheInstructionAndAsksTheUnitForItsAnswer() throws Exception {
        Api api = new Api(mvc);
        long plan = api.launchPlan("批示市" + (YEAR + 2) + "年政务公开工作要点\n一、公开\n1.公开行政执法结果。(责任单位:市丙局、市丁局)12月底前\n");
        long item = api.tasks("bing", plan).get(0).get("itemId").asLong();
        String bingTask = api.task("bing", plan, "EXECUTE", "bing");

        MockHttpServletResponse empty = page("leader", MockMvcRequestBuilders.post("/items/" + item + "/instructions").param("text", " "));
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"instruction-error\"");
        MockHttpServletResponse added = page("leader", MockMvcRequestBuilders.post("/items/" + item + "/instructions")
                .param("text", "<script>alert(1)</script>请加快进度").param("unit", "bing"));
        assertThat(added.getRedirectedUrl()).isEqualTo("/items/" + item + "?done");

        String bingPage = page("bing", MockMvcRequestBuilders.get("/items/" + item)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(bingPage).contains("id=\"instructions\"").contains("id=\"instruction-answer\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;请加快进度").doesNotContain("<script>alert(1)")
                .doesNotContain("id=\"instruction-form\"");
        assertThat(bingPage.indexOf("id=\"instructions\"")).as("the instruction above the rest").isLessThan(bingPage.indexOf("id=\"status\""));
        String dingPage = page("ding", MockMvcRequestBuilders.get("/items/" + item)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(dingPage).doesNotContain("请加快进度").doesNotContain("id=\"instruction-answer\"");

        MockHttpServletResponse refused = page("bing", MockMvcRequestBuilders.post("/tasks/" + bingTask + "/complete")
                .param("itemId", String.valueOf(item)).param("summary", "已公开").param("percent", "100"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-error\"").contains("instructionAnswer");
        MockHttpServletResponse done = page("bing", MockMvcRequestBuilders.post("/tasks/" + bingTask + "/complete")
                .param("itemId", String.valueOf(item)).param("summary", "已公开").param("percent", "100")
                .param("instructionAnswer", "已按批示加快"));
        assertThat(done.getRedirectedUrl()).isEqualTo("/items/" + item + "?done");
        assertThat(api.get("leader", "/api/items/" + item + "/instructions").body().get(0).get("answers").get(0).get("text").asText())
                .isEqualTo("已按批示加快");
    }

    private MockHttpServletResponse page(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user)))).andReturn().getResponse();
    }

    private static List<String> kinds(Api api, String user, long item) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode n : api.get(user, "/api/notifications").body()) {
            if (n.get("itemId").asLong() == item) {
                kinds.add(n.get("kind").asText());
            }
        }
        return kinds;
    }

    private static List<String> actions(JsonNode view) {
        List<String> actions = new ArrayList<>();
        view.get("history").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
