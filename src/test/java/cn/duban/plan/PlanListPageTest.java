package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.springframework.security.core.userdetails.UserDetailsService;

import cn.duban.Api;

/** 计划 in the menu: every plan with its status and links; 回头看 in the menu opens the newest plan's look-back. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlanListPageTest {

    /** Years no other test uses, so that these plans are the newest. */
    private static final int PRIOR = 2098;
    private static final int CURRENT = 2099;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    /** A page as {@code user} signed in to the pages sees it. */
    private org.springframework.mock.web.MockHttpServletResponse page(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user)))).andReturn().getResponse();
    }

    @Test
    void thePlansPageListsEachPlanAndTheMenuOpensTheNewestLookBack() throws Exception {
        Api api = new Api(mvc);
        String item = "\n一、公开\n1.公开预算执行情况。(责任单位:市甲局)9月底前\n";
        // the office that issues them names the plans of one organ: the look-back pairs its years
        long prior = api.launchPlan("列表市人民政府办公室关于印发列表市" + PRIOR + "年政务公开工作要点的通知\n列表市" + PRIOR
                + "年政务公开工作要点" + item);
        long current = api.launchPlan("列表市人民政府办公室关于印发列表市" + CURRENT + "年政务公开工作要点的通知\n列表市" + CURRENT
                + "年政务公开工作要点" + item);
        var imported = api.upload("admin", "/api/plans/import", "plan.txt",
                ("草稿市" + CURRENT + "年政务公开工作要点" + item).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long draft = imported.body().get("planId").asLong();

        for (String user : new String[] {"admin", "jia", "leader"}) {
            var page = page(user, "/plans");
            assertThat(page.getStatus()).as(user).isEqualTo(200);
            String html = page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("列表市" + CURRENT + "年政务公开工作要点", "督办中", "待启动",
                    "/plans/" + draft, "/lookback/" + current, "/plans/" + prior + "/ledger.xlsx");
            assertThat(html.indexOf("列表市" + CURRENT)).as("newest year first").isLessThan(html.indexOf("列表市" + PRIOR));
        }
        assertThat(page("jia", "/plans").getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("importing is the office's").doesNotContain("id=\"import-plan\"");

        String location = page("jia", "/lookback").getRedirectedUrl();
        assertThat(location).as("the newest launched plan with a plan the year before").isEqualTo("/lookback/" + current);
        assertThat(page("jia", location).getStatus()).isEqualTo(200);
    }
}
