package cn.duban.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.Api;
import cn.duban.lookback.LookBackCases;
import cn.duban.notify.Notifications;
import cn.duban.workflow.SweepFailures;

/** Every list of the API and the list pages come in pages: slices of the whole, the total in X-Total-Count. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    SweepFailures failures;

    @Autowired
    LookBackCases cases;

    @Autowired
    UserDetailsService users;

    @Test
    void everyListEndpointPagesTheWholeList() throws Exception {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 30;
        long prior = api.launchPlan(plan(year - 1, "旧"));
        long plan = api.launchPlan(plan(year, "新"));
        List<Long> items = jdbc.sql("select id from item where plan_id = ? order by seq").param(plan).query(Long.class).list();
        List<Long> priorItems = jdbc.sql("select id from item where plan_id = ? order by seq").param(prior).query(Long.class).list();
        for (int i = 0; i < items.size(); i++) {
            long item = items.get(i);
            notifications.addOnce("paging:" + item, item, "jia", "URGE", LocalDate.now(), "第 " + i + " 条", null, "admin");
            failures.record(item, LocalDate.now(), "测试失败 " + i);
            cases.addMatches(plan, List.of(new LookBackCases.NewMatch(priorItems.get(i), item, 0.9)));
            jdbc.sql("insert into outbox (idempotency_key, unit_code, channel, recipient, subject, body, status, next_attempt_at, "
                            + "created_at, sent_at) values (?, 'jia', 'WEBHOOK', 'https://hook.test/', ?, '{}', 'SENT', ?, ?, ?)")
                    .params("paging:" + item, "第 " + i + " 条", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
                            Timestamp.from(Instant.now()))
                    .update();
        }

        Function<JsonNode, JsonNode> list = body -> body;
        for (String path : List.of("/api/tasks?plan=" + plan, "/api/notifications", "/api/admin/audit",
                "/api/admin/outbox?status=SENT", "/api/admin/users", "/api/admin/units", "/api/units", "/api/plans",
                "/api/admin/sweep/failures?all=true", "/api/lookback/" + plan + "/matches")) {
            paged(path, list);
        }
        paged("/api/plans/" + plan, body -> body.get("items"));
        JsonNode head = json(get("/api/plans/" + plan + "?size=1"));
        assertThat(head.at("/plan/id").asLong()).as("the plan stays whole").isEqualTo(plan);
        assertThat(head.get("items")).hasSize(1);
        assertThat(json(get("/api/tasks?plan=" + plan)).size()).as("the default page holds a short list whole")
                .isEqualTo(items.size());
    }

    /** Page 0 and 1 of a list, half its length each, are disjoint and make the whole; bad page or size is a 400. */
    private void paged(String path, Function<JsonNode, JsonNode> list) throws Exception {
        MockHttpServletResponse whole = get(path + join(path) + "size=1000");
        assertThat(whole.getStatus()).as(path).isEqualTo(200);
        List<String> all = rows(list.apply(json(whole)));
        assertThat(all).as(path + ": enough rows to page").hasSizeGreaterThanOrEqualTo(2);
        assertThat(whole.getHeader(Paged.TOTAL)).as(path).isEqualTo(String.valueOf(all.size()));
        int size = (all.size() + 1) / 2;
        MockHttpServletResponse first = get(path + join(path) + "size=" + size);
        MockHttpServletResponse second = get(path + join(path) + "size=" + size + "&page=1");
        List<String> one = rows(list.apply(json(first)));
        List<String> two = rows(list.apply(json(second)));
        assertThat(one).as(path).hasSize(size);
        assertThat(two).as(path).hasSize(all.size() - size);
        assertThat(new HashSet<>(one)).as(path + ": disjoint").doesNotContainAnyElementsOf(two);
        List<String> both = new ArrayList<>(one);
        both.addAll(two);
        assertThat(both).as(path + ": the whole, in order").isEqualTo(all);
        assertThat(first.getHeader(Paged.TOTAL)).as(path).isEqualTo(String.valueOf(all.size()));
        assertThat(second.getHeader(Paged.TOTAL)).as(path).isEqualTo(String.valueOf(all.size()));
        assertThat(first.getHeader("Link")).as(path).contains("page=1", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(second.getHeader("Link")).as(path).contains("page=0", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(rows(list.apply(json(get(path + join(path) + "size=" + size + "&page=2"))))).as(path + ": past the end")
                .isEmpty();
        for (String bad : List.of("page=-1", "size=0", "size=1001", "size=-5", "page=x", "size=1.5")) {
            MockHttpServletResponse refused = get(path + join(path) + bad);
            assertThat(refused.getStatus()).as(path + " " + bad).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).as(path + " " + bad).isNotBlank();
        }
    }

    @Test
    void theListPagesShowAPagerToTheNextPage() throws Exception {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 31;
        long plan = api.launchPlan(plan(year, "页"));
        List<Long> items = jdbc.sql("select id from item where plan_id = ? order by seq").param(plan).query(Long.class).list();
        for (long item : items) {
            notifications.addOnce("pager:" + item, item, "jia", "URGE", LocalDate.now(), "催办 " + item, null, "admin");
        }
        String first = page("/plans?size=1");
        long plans = jdbc.sql("select count(*) from plan").query(Long.class).single();
        assertThat(first).contains("第 1/" + plans + " 页, 共 " + plans + " 条", "下一页").doesNotContain("上一页")
                .contains("href=\"/plans?size=1&amp;page=1\"");
        assertThat(first.split("下一页", -1)).as("one pager, below the list").hasSize(2);
        assertThat(page("/plans?size=1&page=1")).contains("第 2/" + plans + " 页", "上一页", "href=\"/plans?size=1&amp;page=0\"");

        String tasks = page("/?plan=" + plan + "&size=2");
        assertThat(tasks).contains("第 1/2 页, 共 3 条").contains("href=\"/?plan=" + plan + "&amp;size=2&amp;page=1\"");
        assertThat(page("/?plan=" + plan + "&size=2&page=1")).contains("第 2/2 页, 共 3 条");
        assertThat(page("/plans/" + plan + "?size=2&page=1")).contains("第 2/2 页, 共 3 条")
                .contains("id=\"item-" + items.get(2) + "\"").doesNotContain("id=\"item-" + items.get(0) + "\"");
        assertThat(page("/plans/" + plan + "?size=2")).contains("id=\"item-" + items.get(0) + "\"")
                .doesNotContain("id=\"item-" + items.get(2) + "\"");
        assertThat(page("/notifications?size=1")).contains("下一页");
        assertThat(page("/plans")).as("one page: no pager").doesNotContain("下一页");

        Api.Response imported = api.upload("admin", "/api/plans/import", "plan.txt", plan(year + 1, "改").getBytes(UTF_8));
        long preview = imported.body().get("planId").asLong();
        List<Long> drafts = jdbc.sql("select id from item where plan_id = ? order by seq").param(preview).query(Long.class).list();
        assertThat(page("/plans/" + preview + "?size=2&page=1")).as("the preview's changes send their page")
                .contains("hx-vals=\"{&quot;page&quot;: 1, &quot;size&quot;: 2}\"");
        String changed = mvc.perform(MockMvcRequestBuilders.post("/plans/items/" + drafts.get(0) + "/delete")
                        .param("page", "1").param("size", "1").with(SecurityMockMvcRequestPostProcessors.csrf())
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(changed).as("after a change, the same page again").contains("id=\"item-" + drafts.get(2) + "\"")
                .doesNotContain("id=\"item-" + drafts.get(1) + "\"");

        MockHttpServletResponse refused = signedIn("/plans?size=5000");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("size");
    }

    private static String plan(int year, String mark) {
        return "测试市" + year + "年政务公开工作要点\n一、分页" + mark + "\n1.公开事项第一项。(责任单位:市甲局)9月底前\n"
                + "2.公开事项第二项。(责任单位:市甲局)9月底前\n3.公开事项第三项。(责任单位:市甲局)9月底前\n";
    }

    private static String join(String path) {
        return path.contains("?") ? "&" : "?";
    }

    private static List<String> rows(JsonNode list) {
        List<String> rows = new ArrayList<>();
        list.forEach(r -> rows.add(r.toString()));
        return rows;
    }

    private MockHttpServletResponse get(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic("admin", Api.PASSWORD)))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private MockHttpServletResponse signedIn(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)
                .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin")))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = signedIn(path);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }
}
