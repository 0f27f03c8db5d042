package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Endpoints;

/**
 * The access-control matrix: every endpoint the running application maps (API and pages, read from its
 * {@link RequestMappingHandlerMapping}), plus Camunda's REST API and web apps and the actuator, is called by every kind of caller —
 * nobody, the unit that owns the data (jia), another unit (yi), a child unit of jia's (jia-ke1, with no part of this
 * data), a supervisor, the office and an operator — and must refuse
 * exactly those the policy below does not name. An endpoint the policy does not classify fails the test, so a new
 * endpoint cannot be forgotten. Allowed callers are checked with safe requests (GET); unsafe requests are only
 * sent by callers that must be refused. Forms refuse a POST without the CSRF token.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final int YEAR = LocalDate.now().getYear() + 14;

    /** Who may call an endpoint; the data is the unit jia's. */
    enum Access {
        PUBLIC("anonymous", "jia", "yi", "jia-ke1", "leader", "admin", "ops"),
        /** every signed-in user; what they see is filtered to them */
        SIGNED_IN("jia", "yi", "jia-ke1", "leader", "admin", "ops"),
        /** the item's unit and those who review every item */
        ITEM("jia", "leader", "admin"),
        /** the unit holding an EXECUTE task, and the office acting for it */
        TASK("jia", "admin"),
        /** a REVIEW task: supervisors and the office */
        REVIEWERS("leader", "admin"),
        /** a notification in jia's inbox: jia, and the office that sees every inbox */
        INBOX("jia", "admin"),
        ADMIN("admin"),
        /** the rule files and their simulation: the office and the operators */
        RULES("admin", "ops"),
        /**
         * what runs code: .drl files (the matrix names reminders.drl; the office may change a decision table's values,
         * see DecisionTableUploadTest), reloading the rules, Camunda's REST API and web apps
         */
        OPERATOR("ops");

        final Set<String> callers;

        Access(String... callers) {
            this.callers = Set.of(callers);
        }
    }

    private static final List<String> CALLERS = List.of("anonymous", "jia", "yi", "jia-ke1", "leader", "admin", "ops");

    /** The policy, by "METHOD pattern" as the application maps it. */
    private static final Map<String, Access> POLICY = new LinkedHashMap<>();

    static {
        for (String e : List.of("GET /login", "GET /error", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/{group}",
                "GET /v3/api-docs/swagger-config")) {
            POLICY.put(e, Access.PUBLIC);
        }
        for (String e : List.of("GET /api/me", "GET /api/units", "GET /api/tasks", "GET /api/notifications", "GET /api/plans",
                "GET /api/plans/{id}", "GET /api/stats/dashboard", "GET /api/stats/scores", "GET /api/stats/scores?plan={planId}",
                "GET /api/ledger.xlsx", "GET /api/lookback/{planId}/matches",
                "GET /api/lookback/{planId}/report", "GET /", "GET /dashboard", "GET /notifications", "GET /reviews",
                "GET /plans", "GET /plans/{id}", "GET /lookback", "GET /lookback/{planId}", "GET /plans/{id}/ledger.xlsx", "GET /account", "POST /account/password",
                "PUT /api/me/password")) {
            POLICY.put(e, Access.SIGNED_IN);
        }
        for (String e : List.of("GET /api/items/{id}", "GET /api/attachments/{id}", "GET /items/{id}", "GET /attachments/{id}",
                "GET /api/ledger.xlsx?unit=jia", "GET /api/items/{id}/instructions",
                "GET /api/items/{id}/process")) {
            POLICY.put(e, Access.ITEM);
        }
        for (String e : List.of("POST /api/tasks/{id}/complete", "POST /api/tasks/{id}/progress", "POST /api/tasks/{id}/attachments",
                "POST /api/tasks/{id}/sign", "POST /tasks/{id}/complete", "POST /tasks/{id}/progress", "POST /tasks/{id}/sign",
                "POST /api/tasks/{id}/extension", "POST /tasks/{id}/extension",
                "POST /api/tasks/{id}/split", "POST /tasks/{id}/split")) {
            POLICY.put(e, Access.TASK);
        }
        for (String e : List.of("GET /api/plans/{id}/report", "GET /api/plans/{id}/report.md", "GET /api/plans/{id}/report.docx",
                "GET /api/plans/{id}/notice.docx", "GET /plans/{id}/report.docx", "GET /plans/{id}/report.md",
                "GET /plans/{id}/notice.docx", "POST /api/tasks/{id}/urge", "POST /items/{id}/urge", "POST /reviews/{id}",
                "POST /reviews/approve", "POST /api/items/{id}/instructions", "POST /items/{id}/instructions")) {
            POLICY.put(e, Access.REVIEWERS);
        }
        for (String e : List.of("POST /api/notifications/{id}/read", "POST /notifications/{id}/read")) {
            POLICY.put(e, Access.INBOX);
        }
        for (String e : List.of("GET /api/admin/outbox", "GET /api/admin/audit", "GET /api/admin/users", "POST /api/admin/users",
                "PUT /api/admin/users/{username}", "GET /api/admin/units", "PUT /api/admin/units/{code}/contacts",
                "PUT /api/admin/units/{code}/parent",
                "GET /api/admin/holidays", "PUT /api/admin/holidays", "POST /api/admin/holidays/notice", "POST /api/admin/sweep",
                "POST /api/admin/ledger/import", "POST /api/plans/import", "POST /api/plans/{id}/launch", "PATCH /api/items/{id}",
                "PUT /api/lookback/matches/{id}", "POST /api/lookback/{planId}/start", "PUT /api/items/{id}/deduction",
                "GET /admin", "POST /admin/ledger", "POST /admin/users",
                "POST /admin/users/{username}", "POST /admin/holidays", "POST /admin/holidays/notice", "POST /admin/units/{code}", "GET /plans/import",
                "POST /plans/import", "POST /plans/items/{id}", "POST /plans/{id}/launch")) {
            POLICY.put(e, Access.ADMIN);
        }
        for (String e : List.of("GET /api/admin/rules", "GET /api/admin/rules/{name}", "GET /api/admin/rules/simulate", "GET /rules")) {
            POLICY.put(e, Access.RULES);
        }
        for (String e : List.of("PUT /api/admin/rules/{name}", "POST /rules/{file}", "POST /api/admin/rules/reload")) {
            POLICY.put(e, Access.OPERATOR);
        }
        POLICY.put("GET /api/admin/sweep/failures", Access.ADMIN);
        for (String e : List.of("POST /api/plans/{id}/items", "DELETE /api/items/{id}", "POST /api/items/{id}/split",
                "POST /api/items/{id}/merge", "POST /api/items/{id}/move", "POST /plans/{id}/items", "POST /plans/items/{id}/delete",
                "POST /plans/items/{id}/split", "POST /plans/items/{id}/merge", "POST /plans/items/{id}/move")) {
            POLICY.put(e, Access.ADMIN); // the import preview's corrections
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService users;

    private final Map<String, String> ids = new LinkedHashMap<>();

    /** jia's data: a plan with an item whose task is open, one waiting for review, an attachment and an urge. */
    @BeforeAll
    void jiaHasData() {
        Api api = new Api(mvc);
        long plan = api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n一、测试\n1.公开审计结果。(责任单位:市甲局)9月底前\n"
                + "2.公开统计数据。(责任单位:市甲局)10月底前\n");
        List<JsonNode> tasks = api.tasks("jia", plan);
        String reviewed = tasks.get(1).get("id").asText();
        assertThat(api.complete("jia", reviewed, "{\"summary\":\"已公开\",\"percent\":100}").status()).isEqualTo(200);
        String task = tasks.get(0).get("id").asText();
        JsonNode attachment = api.upload("jia", "/api/tasks/" + task + "/attachments", "evidence.txt",
                "佐证".getBytes(StandardCharsets.UTF_8)).body();
        JsonNode urge = api.post("admin", "/api/tasks/" + task + "/urge", "{\"note\":\"请抓紧\"}").body();
        ids.put("plan", String.valueOf(plan));
        ids.put("item", tasks.get(0).get("itemId").asText());
        ids.put("task", task);
        ids.put("review", api.task("leader", plan, "REVIEW", null));
        ids.put("attachment", attachment.get("id").asText());
        ids.put("notification", urge.get("id").asText());
    }

    @Test
    void everyEndpointRefusesExactlyTheCallersThePolicyExcludes() throws Exception {
        Set<String> found = Endpoints.of(mappings).keySet();
        Set<String> unclassified = new TreeSet<>(found);
        unclassified.removeAll(POLICY.keySet());
        assertThat(unclassified).as("endpoints without an access policy: classify them in AccessMatrixTest").isEmpty();
        Set<String> gone = new TreeSet<>(POLICY.keySet());
        gone.removeIf(e -> e.contains("?"));
        gone.removeAll(found);
        gone.removeIf(e -> e.startsWith("GET /v3/api-docs"));
        assertThat(gone).as("policy entries for endpoints the application no longer has").isEmpty();

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Access> entry : POLICY.entrySet()) {
            String endpoint = entry.getKey();
            if (!found.contains(endpoint.replaceFirst("\\?.*", ""))) {
                continue; // springdoc's optional variants
            }
            for (String caller : CALLERS) {
                boolean allowed = entry.getValue().callers.contains(caller);
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                if (allowed && !method.equals("GET")) {
                    continue; // no unsafe call by a caller that would succeed: it would change the shared data
                }
                MockHttpServletResponse response = call(caller, method, path(endpoint.substring(endpoint.indexOf(' ') + 1)));
                calls++;
                boolean refused = refused(response);
                if (refused == allowed) {
                    wrong.add(endpoint + " by " + caller + ": " + response.getStatus() + " "
                            + (response.getRedirectedUrl() == null ? "" : "→ " + response.getRedirectedUrl())
                            + (allowed ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).as("calls against the policy").isEmpty();
        assertThat(calls).isGreaterThan(found.size() * 2);
    }

    @Test
    void camundaRestAndWebappsAreForOperatorsOnly() throws Exception {
        for (String path : List.of("/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-instance",
                "/engine-rest/user", "/camunda/app/cockpit/default/", "/camunda/api/engine/engine/default/process-definition",
                "/camunda/app/admin/default/")) {
            for (String caller : CALLERS) {
                // the test's dispatcher has no Camunda servlets: an operator passing security meets a 404
                MockHttpServletResponse response = call(caller, "GET", path);
                assertThat(refused(response) && response.getStatus() != 404).as(path + " by " + caller + ": " + response.getStatus())
                        .isEqualTo(!caller.equals("ops"));
            }
        }
    }

    /**
     * The actuator (not in the handler mapping the matrix reads): the health probes for everyone, their details,
     * the metrics and anything else for operators; what is not exposed is not there, for an operator either.
     */
    @Test
    void healthIsPublicItsDetailsAndTheMetricsForOperatorsOnly() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            for (String caller : CALLERS) {
                // the whole health is DOWN (503) here: the test profile runs no job executor
                MockHttpServletResponse response = call(caller, "GET", path);
                assertThat(refused(response)).as(path + " by " + caller + ": " + response.getStatus()).isFalse();
                assertThat(response.getContentAsString().contains("components"))
                        .as(path + " by " + caller + ": details for operators only").isEqualTo(caller.equals("ops"));
            }
        }
        for (String caller : CALLERS) {
            MockHttpServletResponse component = call(caller, "GET", "/actuator/health/outbox");
            assertThat(component.getStatus()).as("/actuator/health/outbox by " + caller).isEqualTo(caller.equals("ops") ? 200 : 404);
            MockHttpServletResponse response = call(caller, "GET", "/actuator/prometheus");
            assertThat(refused(response)).as("/actuator/prometheus by " + caller + ": " + response.getStatus())
                    .isEqualTo(!caller.equals("ops"));
            for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics",
                    "/actuator/loggers", "/actuator/shutdown")) {
                for (String method : List.of("GET", "POST")) {
                    MockHttpServletResponse other = call(caller, method, path);
                    assertThat(other.getStatus()).as(method + " " + path + " by " + caller)
                            .isEqualTo(caller.equals("ops") ? 404 : caller.equals("anonymous") ? 401 : 403);
                }
            }
        }
    }

    @Test
    void formsRefuseAPostWithoutTheCsrfToken() throws Exception {
        String path = "/notifications/" + ids.get("notification") + "/read";
        MockHttpServletResponse without = mvc.perform(MockMvcRequestBuilders.post(path)
                .with(user(users.loadUserByUsername("jia")))).andReturn().getResponse();
        assertThat(without.getStatus()).isEqualTo(403);
        MockHttpServletResponse with = mvc.perform(MockMvcRequestBuilders.post(path)
                .with(user(users.loadUserByUsername("jia"))).with(csrf())).andReturn().getResponse();
        assertThat(with.getStatus()).isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/admin/holidays").param("csv", "date,type,name\n")
                .with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    /** A refusal: 401 or 403, 404 for another unit's data, or a page sending the caller to sign in. */
    private static boolean refused(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        return status == 401 || status == 403 || status == 404 || (status == 302 && location != null && location.endsWith("/login"));
    }

    /** The endpoint's path with jia's data in its variables. */
    private String path(String pattern) {
        String task = pattern.startsWith("/reviews/") ? ids.get("review") : ids.get("task");
        String path = pattern
                .replace("/items/{id}", "/items/" + ids.get("item"))
                .replace("/attachments/{id}", "/attachments/" + ids.get("attachment"))
                .replace("/tasks/{id}", "/tasks/" + task)
                .replace("/reviews/{id}", "/reviews/" + task)
                .replace("/notifications/{id}", "/notifications/" + ids.get("notification"))
                .replace("{planId}", ids.get("plan"))
                .replace("/plans/{id}", "/plans/" + ids.get("plan"))
                .replace("/matches/{id}", "/matches/1")
                .replace("{username}", "jia")
                .replace("{code}", "jia")
                .replace("{name}", "reminders.drl")
                .replace("{file}", "reminders.drl")
                .replace("{group}", "default");
        if (pattern.equals("/reviews/approve")) {
            path += "?task=" + ids.get("review");
        }
        if (pattern.equals("/reviews/{id}")) {
            path += "?decision=APPROVE";
        }
        assertThat(path).as("a path variable without a value in the matrix").doesNotContain("{");
        return path;
    }

    private MockHttpServletResponse call(String caller, String method, String path) throws Exception {
        boolean api = path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/actuator");
        // a well-formed request, so that it is the access check, not the input check, that refuses it
        MockHttpServletRequestBuilder request = path.endsWith("/attachments") && method.equals("POST")
                ? MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "x.txt", "text/plain", new byte[] {'x'}))
                : MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (!caller.equals("anonymous")) {
            request.with(api ? httpBasic(caller, Api.PASSWORD) : user(users.loadUserByUsername(caller)));
        }
        if (!api) {
            request.with(csrf());
            if (!method.equals("GET")) {
                request.param("itemId", ids.get("item")).param("task", ids.get("task")).param("summary", "核查").param("percent", "50");
            }
        }
        if (api && !method.equals("GET") && !path.endsWith("/attachments")) {
            request.contentType("application/json").content("{}");
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
