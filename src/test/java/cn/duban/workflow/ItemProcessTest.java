package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.Api;

/**
 * GET /api/items/{id}/process: the deployed BPMN of the item's process, with its diagram, and the activities open now
 * (the unit's 办理, then the 审核, none once done), for whoever may see the item; the item page carries the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ItemProcessTest {

    private static final int YEAR = LocalDate.now().getYear() + 71;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void theProcessShowsTheStepOpenNowToThoseWhoMaySeeTheItem() throws Exception {
        Api api = new Api(mvc);
        long planId = api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n一、测试\n1.公开流程图事项。(责任单位:市甲局)9月底前\n");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        String path = "/api/items/" + itemId + "/process";

        Api.Response open = api.get("jia", path);
        assertThat(open.status()).as(open.raw()).isEqualTo(200);
        assertThat(open.body().get("xml").asText()).contains("<bpmn:process id=\"task-supervision\"", "<bpmndi:BPMNPlane");
        assertThat(active(open.body())).containsExactly("execute");
        assertThat(active(api.get("leader", path).body())).as("a reviewer sees it too").containsExactly("execute");
        assertThat(active(pageData(itemId))).as("the item page carries the same").containsExactly("execute");

        Api.Response sibling = api.get("yi", path);
        assertThat(sibling.status()).as("another unit").isEqualTo(403);
        assertThat(sibling.body().get("error").asText()).isNotBlank();
        assertThat(api.get("jia", "/api/items/999999999/process").status()).isEqualTo(404);

        assertThat(api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已公开\",\"percent\":100}")
                .status()).isEqualTo(200);
        assertThat(active(api.get("jia", path).body())).containsExactly("review");

        assertThat(api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("jia", "/api/items/" + itemId).body().at("/item/status").asText()).isEqualTo("COMPLETED");
        Api.Response done = api.get("jia", path);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("xml").asText()).contains("<bpmndi:BPMNDiagram");
        assertThat(active(done.body())).as("a completed item has no step open").isEmpty();
    }

    @Test
    void anItemNotLaunchedHasNoProcessYet() {
        Api api = new Api(mvc);
        Api.Response imported = api.upload("admin", "/api/plans/import", "plan.txt",
                ("测试市" + (YEAR + 1) + "年政务公开工作要点\n一、测试\n1.公开未启动事项。(责任单位:市甲局)9月底前\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        long itemId = api.get("admin", "/api/plans/" + imported.body().get("planId").asLong()).body().at("/items/0/id").asLong();
        Api.Response process = api.get("admin", "/api/items/" + itemId + "/process");
        assertThat(process.status()).as(process.raw()).isEqualTo(404);
        assertThat(process.body().get("error").asText()).contains("尚未启动");
    }

    private static List<String> active(JsonNode process) {
        List<String> ids = new ArrayList<>();
        process.get("active").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The process the item page carries for its drawing (#item-process), as the unit's user sees it. */
    private JsonNode pageData(long itemId) throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.get("/items/" + itemId).with(user(users.loadUserByUsername("jia"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(Jsoup.parse(page).getElementById("item-process").data());
    }
}
