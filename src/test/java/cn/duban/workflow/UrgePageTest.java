package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/** 催办 on the item page urges the open task the office chose, not the first one; a second urge within the hour is refused in place. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UrgePageTest {

    private static final int YEAR = LocalDate.now().getYear() + 3;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void theChosenUnitIsUrgedAndTheHourLimitShowsOnThePage() throws Exception {
        Api api = new Api(mvc);
        long plan = api.launchPlan("催办市" + YEAR + "年政务公开工作要点\n一、公开\n1.公开重点项目进展情况。(责任单位:市丙局、市丁局)9月底前\n");
        JsonNode ding = api.tasks("ding", plan).get(0);
        assertThat(api.tasks("bing", plan)).as("two units, two open tasks").hasSize(1);
        long item = ding.get("itemId").asLong();
        String page = get("admin", "/items/" + item);
        assertThat(page).contains("id=\"urge-task\"").contains("市丙局").contains("市丁局");

        MockHttpServletResponse urged = urge(item, ding.get("id").asText());
        assertThat(urged.getRedirectedUrl()).isEqualTo("/items/" + item + "?done");
        assertThat(urges(api, "ding", item)).isEqualTo(1);
        assertThat(urges(api, "bing", item)).as("the other unit is not urged").isZero();

        MockHttpServletResponse again = urge(item, ding.get("id").asText());
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"urge-error\"").contains("一小时内已催办过");
        assertThat(urges(api, "ding", item)).isEqualTo(1);
    }

    private long urges(Api api, String unitUser, long item) {
        JsonNode inbox = api.get(unitUser, "/api/notifications").body();
        long count = 0;
        for (JsonNode n : inbox) {
            if (n.get("kind").asText().equals("URGE") && n.get("itemId").asLong() == item) {
                count++;
            }
        }
        return count;
    }

    private MockHttpServletResponse urge(long item, String task) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/items/" + item + "/urge").param("task", task).param("note", "请本周报送")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin")))).andReturn().getResponse();
    }

    private String get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
