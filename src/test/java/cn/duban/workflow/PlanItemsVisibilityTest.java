package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;

/**
 * A launched plan's items are read a page at a time, chosen in the database: a unit sees the items that name it —
 * as lead, responsible or cooperating unit, through a group, with spaces around the name — and those it has a
 * sub-task on, exactly as the item-by-item rule ({@link ItemUnits#visibleTo}) decides; the total counts only those.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlanItemsVisibilityTest {

    private static final int YEAR = LocalDate.now().getYear() + 47;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanStore plans;

    @Autowired
    ItemUnits itemUnits;

    @Autowired
    OrgDirectory directory;

    @Test
    void aUnitPagesThroughExactlyTheItemsThatInvolveIt() throws Exception {
        Api api = new Api(mvc);
        long plan = api.launchPlan("可见市" + YEAR + "年政务公开工作要点\n一、公开\n"
                + "1.公开可见性甲事项。(责任单位:市甲局)9月30日前\n"
                + "2.公开可见性乙事项。(牵头单位:市乙局;责任单位:市丙局)9月30日前\n"
                + "3.公开可见性全局事项。(责任单位:市政府各局)年底前\n"
                + "4.公开可见性配合事项。(责任单位:市丙局;配合单位:市丁局)年底前\n"
                + "5.公开可见性另一甲事项。(牵头单位:市甲局)年底前\n");
        List<Item> all = plans.items(plan);
        // a sub-task gives 市甲局办公室 the first item, which does not name it
        String task = api.tasks("jia", plan).stream().filter(t -> t.get("itemId").asLong() == all.get(0).id())
                .findFirst().orElseThrow().get("id").asText();
        assertThat(api.post("jia", "/api/tasks/" + task + "/split",
                "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + YEAR + "-09-15\"}]}").status()).isEqualTo(200);

        Map<String, List<Integer>> expected = Map.of("jia", List.of(1, 3, 5), "yi", List.of(2, 3), "bing", List.of(2, 3, 4),
                "ding", List.of(3, 4), "jia-ke1", List.of(1), "jia-ke2", List.of(), "geng", List.of(),
                "admin", List.of(1, 2, 3, 4, 5), "leader", List.of(1, 2, 3, 4, 5));
        expected.forEach((user, seqs) -> {
            List<Long> ids = seqs.stream().map(s -> all.get(s - 1).id()).toList();
            assertThat(all.stream().filter(itemUnits.visibleTo(directory.user(user).orElseThrow())).map(Item::id))
                    .as("the item-by-item rule for " + user).containsExactlyElementsOf(ids);
            assertThat(pages(api, user, plan)).as("the pages " + user + " reads").containsExactlyElementsOf(ids);
        });
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/plans/" + plan + "?size=2")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("bing", "pw")))
                .andReturn().getResponse().getHeader("X-Total-Count")).isEqualTo("3");
    }

    /** The item ids of every page of two the user reads, in order. */
    private static List<Long> pages(Api api, String user, long plan) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Response response = api.get(user, "/api/plans/" + plan + "?size=2&page=" + page);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            JsonNode items = response.body().get("items");
            items.forEach(i -> ids.add(i.get("id").asLong()));
            if (items.size() < 2) {
                return ids;
            }
        }
    }
}
