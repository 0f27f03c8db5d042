package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.Api;
import cn.duban.Endpoints;

/**
 * Bad input against every API endpoint the application maps, as the office (who may call them all): malformed
 * path values and query parameters, bodies that are not JSON, bodies over the limit. Each is answered with a 4xx and
 * {"error": "…"}, never a 500; nothing is changed, since every path names nothing that exists.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Query parameters the endpoints take, each with a value of the wrong kind. */
    private static final String JUNK_QUERY = "?plan=x&step=NOPE&limit=x&from=31-02&to=x&unit=%00&status=NOPE&date=x&format=x"
            + "&weeks=x&completion=x&apply=x&year=x";

    /** What a refusal must not show: Java's words instead of the caller's. */
    private static final Pattern JAVA = Pattern.compile("java\\.|cn\\.duban|Exception|Failed to|Required request|No enum constant");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointAnswersBadInputWithA4xxAndAMessage() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Map.Entry<String, Boolean> e : apiEndpoints().entrySet()) {
            String endpoint = e.getKey();
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = pattern.replaceAll("\\{[^}]+}", "x-1") + JUNK_QUERY;
            boolean hasInput = pattern.contains("{") || e.getValue();
            byte[] body = "{\"summary\": [".getBytes(StandardCharsets.UTF_8);
            check(endpoint + " malformed", request(method, path, "application/json", method.equals("GET") ? null : body),
                    hasInput, wrong, statuses);
            if (!method.equals("GET")) {
                byte[] huge = new byte[3 * 1024 * 1024];
                Arrays.fill(huge, (byte) ' ');
                MockHttpServletResponse r = mvc.perform(request(method, pattern.replaceAll("\\{[^}]+}", "x-1"),
                        "application/json", huge)).andReturn().getResponse();
                if (r.getStatus() != 413 || !hasError(r)) {
                    wrong.add(endpoint + " 3 MB body: " + r.getStatus() + " " + r.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(wrong).as("answers to bad input (statuses seen: %s)", statuses).isEmpty();
        assertThat(statuses).as("endpoints called").isNotEmpty();
    }

    @Test
    void typeAndFormatErrorsSayWhatWasExpected() throws Exception {
        assertThat(apiError(MockMvcRequestBuilders.get("/api/items/abc"))).isEqualTo("参数 id 应为整数, 收到 “abc”");
        assertThat(apiError(MockMvcRequestBuilders.get("/api/tasks?step=NOPE")))
                .startsWith("参数 step 应为以下之一: ").contains("EXECUTE", "REVIEW", "、").endsWith(", 收到 “NOPE”");
        assertThat(apiError(MockMvcRequestBuilders.get("/api/admin/rules/simulate?plan=1&from=31-02")))
                .isEqualTo("参数 from 应为日期 (YYYY-MM-DD), 收到 “31-02”");
        assertThat(apiError(MockMvcRequestBuilders.get("/api/admin/rules/simulate"))).isEqualTo("缺少参数 plan (应为整数)");
        assertThat(apiError(json("/api/tasks/x-1/complete", "{\"summary\": \"已公开\""))).startsWith("请求体不是有效的 JSON (第 1 行第 ");
        assertThat(apiError(json("/api/tasks/x-1/complete", "{\"percent\": \"abc\"}"))).isEqualTo("字段 percent 应为整数, 收到 “abc”");
        assertThat(apiError(json("/api/tasks/x-1/complete", "{\"due\": \"2026-13-01\"}")))
                .isEqualTo("字段 due 应为日期 (YYYY-MM-DD), 收到 “2026-13-01”");
        assertThat(apiError(json("/api/tasks/x-1/complete", "{\"evidence\": {\"a\": 1}}"))).isEqualTo("字段 evidence 应为列表 (JSON 数组)");
        assertThat(apiError(json("/api/tasks/x-1/complete", ""))).isEqualTo("缺少请求体");
    }

    @Test
    void aPageWithAWrongParameterSaysWhatWasExpectedOnTheErrorPage() throws Exception {
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/items/abc").with(user("admin").roles("ADMIN")))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.getElementById("error-message").text()).isEqualTo("参数 id 应为整数, 收到 “abc”");
        assertThat(html.select("header nav a[href=/]")).as("inside the pages' layout").isNotEmpty();
        MockHttpServletResponse missing = mvc.perform(MockMvcRequestBuilders.post("/reviews/x-1")
                .with(user("admin").roles("ADMIN")).with(csrf())).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(missing.getContentAsString(StandardCharsets.UTF_8)).getElementById("error-message").text())
                .isEqualTo("缺少参数 decision");
    }

    @Test
    void theForbiddenAndNotFoundPagesAreInWordsInsideTheLayout() throws Exception {
        // the security filters' 403 as the container forwards it to /error (a supervisor opening 管理)
        org.jsoup.nodes.Document forbidden = errorPage(MockMvcRequestBuilders.get("/error")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 403)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/admin")
                .header("Referer", "http://localhost/dashboard?plan=1"), 403);
        assertThat(forbidden.select("h1").text()).isEqualTo("无权访问 (403)");
        assertThat(forbidden.getElementById("error-message").text()).contains("没有", "权限");
        assertThat(forbidden.getElementById("error-previous").attr("href")).isEqualTo("/dashboard?plan=1");
        assertThat(forbidden.getElementById("error-home").attr("href")).isEqualTo("/");
        assertThat(forbidden.select("header nav a.me").text()).as("the signed-in user by name").isEqualTo("分管领导");
        assertThat(forbidden.text()).doesNotContain("Forbidden");
        org.jsoup.nodes.Document english = errorPage(MockMvcRequestBuilders.get("/error").param("lang", "en")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 403)
                .header("Referer", "https://elsewhere.example/x"), 403);
        assertThat(english.select("h1").text()).isEqualTo("Not allowed (403)");
        assertThat(english.getElementById("error-previous")).as("no link back to another site").isNull();

        org.jsoup.nodes.Document notFound = errorPage(MockMvcRequestBuilders.get("/nowhere"), 404);
        assertThat(notFound.select("h1").text()).isEqualTo("页面不存在 (404)");
        assertThat(notFound.getElementById("error-message").text()).isEqualTo("不存在: /nowhere");

        MockHttpServletResponse api = mvc.perform(MockMvcRequestBuilders.get("/api/admin/users").with(httpBasic("leader", Api.PASSWORD)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(JSON.readTree(api.getContentAsString(StandardCharsets.UTF_8)).get("error").asText()).isEqualTo("无权访问");
        MockHttpServletResponse missing = mvc.perform(MockMvcRequestBuilders.get("/api/nowhere").with(httpBasic("leader", Api.PASSWORD)))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(missing.getContentAsString(StandardCharsets.UTF_8)).get("error").asText()).isEqualTo("不存在: /api/nowhere");
    }

    private org.jsoup.nodes.Document errorPage(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.accept("text/html").with(user("leader").roles("SUPERVISOR")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(status);
        return org.jsoup.Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private String apiError(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(httpBasic("admin", Api.PASSWORD))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(400);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("error").asText();
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return MockMvcRequestBuilders.post(path).contentType("application/json").content(body);
    }

    /** 4xx with {"error"} when the call carried bad input; at least never a 5xx. */
    private void check(String what, MockHttpServletRequestBuilder request, boolean mustRefuse, List<String> wrong,
                       Map<String, Integer> statuses) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        statuses.merge(String.valueOf(r.getStatus()), 1, Integer::sum);
        boolean refused = r.getStatus() >= 400 && r.getStatus() < 500 && hasError(r);
        if (r.getStatus() >= 500 || (mustRefuse && !refused) || (r.getStatus() >= 400 && !hasError(r))
                || JAVA.matcher(r.getContentAsString(StandardCharsets.UTF_8)).find() && r.getStatus() >= 400) {
            wrong.add(what + ": " + r.getStatus() + " " + r.getContentAsString(StandardCharsets.UTF_8));
        }
    }

    private static boolean hasError(MockHttpServletResponse r) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        if (r.getContentType() == null || !r.getContentType().startsWith("application/json") || text.isBlank()) {
            return false;
        }
        JsonNode json = JSON.readTree(text);
        return json.hasNonNull("error") && !json.get("error").asText().isBlank();
    }

    private MockHttpServletRequestBuilder request(String method, String path, String type, byte[] body) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .with(httpBasic("admin", Api.PASSWORD));
        if (body != null) {
            request.contentType(type).content(body);
        }
        return request;
    }

    /** "METHOD pattern" of every API endpoint, and whether it takes a body (JSON, text or a file). */
    private Map<String, Boolean> apiEndpoints() {
        Map<String, Boolean> found = new TreeMap<>();
        Endpoints.of(mappings).forEach((endpoint, handler) -> {
            if (endpoint.substring(endpoint.indexOf(' ') + 1).startsWith("/api/")) {
                found.put(endpoint, Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || p.getParameterType() == MultipartFile.class));
            }
        });
        return found;
    }
}
