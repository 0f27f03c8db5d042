package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.Api;
import cn.duban.Api.Response;

/**
 * Evidence links (佐证材料) are stored only as http(s) URLs, whichever way they come in (API, pages); a link stored
 * before that rule (old data) is shown as text, never as a link; every page and API answer carries the security headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EvidenceLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NOT_WEB_LINKS = List.of("javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>", " javascript:alert(1)", "//evil.example/a", "http:/x",
            "https://example.gov.cn/a b", "https://example.gov.cn/a\u0007b", "ftp://example.gov.cn/a", "vbscript:msgbox(1)",
            "https://example.gov.cn/" + "a".repeat(2100));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private long launch(String text) {
        return api.launchPlan("测试市" + (LocalDate.now().getYear() + 14) + "年政务公开工作要点\n一、链接\n1." + text
                + "。(责任单位:市丁局)9月底前\n");
    }

    private static String report(String summary, String... evidence) throws Exception {
        return JSON.writeValueAsString(Map.of("summary", summary, "percent", 100, "evidence", List.of(evidence)));
    }

    @Test
    void theApiRefusesEvidenceThatIsNotAnHttpLink() throws Exception {
        long planId = launch("公开链接校验事项");
        String task = api.task("ding", planId, "EXECUTE", "ding");
        long itemId = api.tasks("ding", planId).get(0).get("itemId").asLong();
        for (String link : NOT_WEB_LINKS) {
            for (String step : List.of("complete", "progress")) {
                Response r = api.post("ding", "/api/tasks/" + task + "/" + step, report("已公开", "https://example.gov.cn/ok", link));
                assertThat(r.status()).as(step + " " + link).isEqualTo(400);
                assertThat(r.body().get("error").asText()).as(link).startsWith("佐证链接须为 http(s) 网址: ");
            }
        }
        assertThat(api.get("ding", "/api/items/" + itemId).body().get("reports")).as("nothing was stored").isEmpty();
        assertThat(api.task("ding", planId, "EXECUTE", "ding")).as("nothing was handed in").isEqualTo(task);

        assertThat(api.post("ding", "/api/tasks/" + task + "/progress", report("已公开一半", "HTTPS://Example.gov.cn/b?x=1#y"))
                .status()).isEqualTo(200);
        assertThat(api.complete("ding", task, report("已公开", " https://example.gov.cn/a", "http://example.gov.cn:8080/公开/c"))
                .status()).isEqualTo(200);
        JsonNode reports = api.get("ding", "/api/items/" + itemId).body().get("reports");
        assertThat(reports.at("/0/evidence").toString()).isEqualTo("[\"HTTPS://Example.gov.cn/b?x=1#y\"]");
        assertThat(reports.at("/1/evidence").toString())
                .isEqualTo("[\"https://example.gov.cn/a\",\"http://example.gov.cn:8080/公开/c\"]");
    }

    @Test
    void thePageRefusesItInPlaceAndKeepsTheInput() throws Exception {
        long planId = launch("公开页面链接校验事项");
        String task = api.task("ding", planId, "EXECUTE", "ding");
        long itemId = api.tasks("ding", planId).get(0).get("itemId").asLong();
        for (String step : List.of("complete", "progress")) {
            MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.multipart("/tasks/" + task + "/" + step)
                            .param("itemId", String.valueOf(itemId)).param("summary", "已在网站公开").param("percent", "60")
                            .param("evidence", "https://example.gov.cn/ok\njavascript:alert(1)")
                            .with(user("ding").roles("UNIT")).with(csrf()))
                    .andReturn().getResponse();
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(page.getStatus()).as(step).isEqualTo(200);
            assertThat(html).as(step + ": the message in place, on the item's page")
                    .contains("id=\"form-error\"", "佐证链接须为 http(s) 网址: javascript:alert(1)", "id=\"submit-form\"");
            assertThat(html).as(step + ": the input is kept")
                    .contains(">已在网站公开</textarea>", ">https://example.gov.cn/ok\njavascript:alert(1)</textarea>", "value=\"60\"");
        }
        assertThat(api.get("ding", "/api/items/" + itemId).body().get("reports")).as("nothing was stored").isEmpty();
        assertThat(api.task("ding", planId, "EXECUTE", "ding")).isEqualTo(task);
    }

    @Test
    void aLinkStoredBeforeTheRuleIsShownAsTextOnTheItemAndReviewPages() throws Exception {
        long planId = launch("公开旧数据链接事项");
        String task = api.task("ding", planId, "EXECUTE", "ding");
        long itemId = api.tasks("ding", planId).get(0).get("itemId").asLong();
        assertThat(api.complete("ding", task, report("已公开", "https://example.gov.cn/ok")).status()).isEqualTo(200);
        // old data: stored before links were checked
        jdbc.sql("update progress_report set evidence = ? where item_id = ?")
                .params("JavaScript:alert(document.cookie)\nhttps://example.gov.cn/ok", itemId).update();

        for (String path : List.of("/items/" + itemId, "/reviews")) {
            String html = mvc.perform(MockMvcRequestBuilders.get(path).with(user("leader").roles("SUPERVISOR")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(path).contains("JavaScript:alert(document.cookie)", "href=\"https://example.gov.cn/ok\"");
            assertThat(html.toLowerCase()).as(path + ": no link to a script").doesNotContain("href=\"javascript:")
                    .contains("<a rel=\"noopener\" style=\"display:block\">javascript:alert(document.cookie)</a>");
        }
    }

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/", "/dashboard", "/css/duban.css", "/no-such-page")) {
            MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get(path).with(user("jia").roles("UNIT")))
                    .andReturn().getResponse();
            assertThat(page.getHeader("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'self'",
                            "frame-ancestors 'self'", "form-action 'self'")
                    .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(page.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.getHeader("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
        }
        for (String path : List.of("/api/me", "/api/no-such-thing")) {
            MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(path)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .httpBasic("jia", Api.PASSWORD))).andReturn().getResponse();
            assertThat(r.getHeader("Content-Security-Policy")).as(path).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(r.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        MockHttpServletResponse cockpit = mvc.perform(MockMvcRequestBuilders.get("/camunda/app/cockpit/default/"))
                .andReturn().getResponse();
        assertThat(cockpit.getHeader("Content-Security-Policy")).as("Camunda's web apps set their own")
                .satisfiesAnyOf(csp -> assertThat(csp).isNull(), csp -> assertThat(csp).doesNotContain("form-action 'self'"));
    }
}
