package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;
import cn.duban.TestToday;

/**
 * 分解 through the API: 市甲局 (jia) splits its work among its 科室 jia-ke1 and jia-ke2; each runs the execute/review cycle
 * with jia as reviewer (SUB_REVIEW), jia hands in upward only once both are approved, and the office reviews as
 * usual. The rules remind and escalate a sub-task on its own due date; a unit sees its own and its children's work,
 * never a sibling's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubTaskTest {

    private static final int YEAR = LocalDate.now().getYear() + 43;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestToday today;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    private Api api;

    @AfterEach
    void clock() {
        today.set(null);
    }

    @Test
    void aBureauSplitsReviewsItsChildrenAndHandsInOnlyOnceAllAreApproved() {
        api = new Api(mvc);
        long plan = api.launchPlan("分解市" + YEAR + "年政务公开工作要点\n一、公开\n1.公开分解测试事项。(责任单位:市甲局)9月30日前\n");
        String jia = api.task("jia", plan, "EXECUTE", "jia");
        long item = api.tasks("jia", plan).get(0).get("itemId").asLong();
        LocalDate ke1Due = LocalDate.of(YEAR, 8, 18).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        String parts = "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + ke1Due + "\",\"note\":\"起草公开清单\"},"
                + "{\"unit\":\"jia-ke2\",\"due\":\"" + YEAR + "-09-15\"}]}";

        // refused: not a child, later than the parent's date, no parts, someone else's task
        assertThat(split("jia", jia, "{\"parts\":[{\"unit\":\"yi\",\"due\":\"" + YEAR + "-09-01\"}]}").status()).isEqualTo(400);
        Api.Response late = split("jia", jia, "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + YEAR + "-10-08\"}]}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("error").asText()).contains(YEAR + "-09-30");
        assertThat(split("jia", jia, "{\"parts\":[]}").status()).isEqualTo(400);
        assertThat(split("jia-ke1", jia, parts).status()).isEqualTo(403);
        assertThat(split("yi", jia, parts).status()).isEqualTo(403);

        Api.Response made = split("jia", jia, parts);
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        assertThat(made.body()).hasSize(2);
        assertThat(split("jia", jia, "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + YEAR + "-09-01\"}]}").status())
                .as("one open part per child").isEqualTo(409);

        // each child its own task, due on its own date, reviewed by jia
        JsonNode ke1Task = only(api.tasks("jia-ke1", plan));
        assertThat(ke1Task.get("unit").asText()).isEqualTo("jia-ke1");
        assertThat(ke1Task.get("step").asText()).isEqualTo("EXECUTE");
        assertThat(ke1Task.get("due").asText()).isEqualTo(ke1Due.toString());
        assertThat(ke1Task.get("reviewer").asText()).isEqualTo("jia");
        String ke1 = ke1Task.get("id").asText();
        String ke2 = only(api.tasks("jia-ke2", plan)).get("id").asText();

        // visibility: the parent follows both children; a child sees only its own; a sibling bureau nothing
        assertThat(units(api.tasks("jia", plan))).containsExactlyInAnyOrder("jia", "jia-ke1", "jia-ke2");
        assertThat(api.tasks("yi", plan)).isEmpty();
        assertThat(api.get("yi", "/api/items/" + item).status()).isEqualTo(403);
        assertThat(api.get("jia", "/api/items/" + item).raw()).contains("jia-ke1", "jia-ke2");
        Api.Response seenByKe1 = api.get("jia-ke1", "/api/items/" + item);
        assertThat(seenByKe1.status()).isEqualTo(200);
        assertThat(seenByKe1.raw()).contains("jia-ke1").doesNotContain("jia-ke2");
        assertThat(api.get("jia-ke2", "/api/items/" + item).raw()).contains("jia-ke2").doesNotContain("jia-ke1");
        assertThat(api.complete("jia", ke1, "{\"summary\":\"代报\",\"percent\":100}").status())
                .as("the parent follows its child's work, does not do it").isEqualTo(403);
        assertThat(api.complete("jia-ke2", ke1, "{\"summary\":\"代报\",\"percent\":100}").status()).isEqualTo(403);

        // the rules see a sub-task on its own due date: reminded on the day, escalated once overdue
        List.of("jia", "jia-ke1", "jia-ke2").forEach(u -> api.sign(u, api.task(u, plan, "EXECUTE", u)));
        api.sweep(today, ke1Due);
        assertThat(notices(item, "DUE_TODAY")).containsExactly("jia-ke1 " + ke1Due);
        assertThat(messages(item, "DUE_TODAY")).allMatch(m -> m.contains(ke1Due.toString()));
        api.sweep(today, ke1Due.plusDays(1));
        assertThat(notices(item, "ESCALATED")).contains("jia-ke1 " + ke1Due.plusDays(1)).noneMatch(n -> n.startsWith("jia-ke2 "));
        JsonNode escalated = api.get("admin", "/api/items/" + item).body();
        assertThat(escalated.get("item").get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalated.get("history")).anyMatch(e -> e.path("action").asText().equals("ESCALATED")
                && e.path("unit").asText().equals("jia-ke1") && e.path("comment").asText().contains("逾期未报送"));
        assertThat(api.tasks("leader", plan)).anyMatch(t -> t.get("step").asText().equals("SUPERVISE"));
        today.set(null);

        // the parent may not hand in while a part is open
        Api.Response early = api.complete("jia", jia, "{\"summary\":\"汇总\",\"percent\":100}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("error").asText()).contains("子任务").contains("2");

        // ke1 hands in; jia returns it once, then approves it; the office's review queue never sees it
        assertThat(api.complete("jia-ke1", ke1, "{\"summary\":\"清单已起草\",\"percent\":80}").status()).isEqualTo(200);
        assertThat(api.tasks("leader", plan)).noneMatch(t -> t.get("step").asText().equals("SUB_REVIEW"));
        assertThat(api.tasks("jia-ke2", plan)).noneMatch(t -> t.get("step").asText().equals("SUB_REVIEW"));
        String review = api.task("jia", plan, "SUB_REVIEW", "jia-ke1");
        assertThat(api.complete("jia-ke1", review, "{\"decision\":\"APPROVE\"}").status()).as("not the child's own").isEqualTo(403);
        assertThat(api.complete("jia", review, "{\"decision\":\"RETURN\",\"comment\":\"请补充附件\"}").status()).isEqualTo(200);
        JsonNode again = only(api.tasks("jia-ke1", plan));
        assertThat(again.get("returned").asBoolean()).isTrue();
        assertThat(api.complete("jia-ke1", again.get("id").asText(), "{\"summary\":\"已补充\",\"percent\":100}").status()).isEqualTo(200);
        assertThat(api.complete("jia", api.task("jia", plan, "SUB_REVIEW", "jia-ke1"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);
        Api.Response stillOne = api.complete("jia", jia, "{\"summary\":\"汇总\",\"percent\":100}");
        assertThat(stillOne.status()).isEqualTo(409);
        assertThat(stillOne.body().get("error").asText()).contains("1");

        assertThat(api.complete("jia-ke2", ke2, "{\"summary\":\"法规审查完成\",\"percent\":100}").status()).isEqualTo(200);
        assertThat(api.complete("jia", api.task("jia", plan, "SUB_REVIEW", "jia-ke2"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);

        // all parts approved: jia hands in upward and the office reviews as usual
        assertThat(api.complete("jia", jia, "{\"summary\":\"汇总报送\",\"percent\":100}").status()).isEqualTo(200);
        assertThat(api.complete("leader", api.task("leader", plan, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);
        JsonNode done = api.get("admin", "/api/items/" + item).body();
        assertThat(done.get("item").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("item").get("returnCount").asInt()).as("a child's return is not the office's").isZero();
        assertThat(done.get("subTasks")).allMatch(p -> !p.get("approvedAt").isNull());
        assertThat(done.get("ledger")).as("the ledger holds the plan's unit: its hand-in covers its children's parts")
                .extracting(e -> e.get("unit").asText()).containsExactly("jia");
        JsonNode scores = api.get("admin", "/api/stats/scores?plan=" + plan).body();
        assertThat(scores).extracting(s -> s.get("unit").asText()).as("the plan's units are scored, not their 科室")
                .containsExactly("jia");

        List<String> trail = new ArrayList<>();
        done.get("history").forEach(e -> trail.add(e.path("step").asText() + " " + e.get("action").asText() + " "
                + e.path("unit").asText()));
        assertThat(trail).contains("EXECUTE SPLIT jia-ke1", "EXECUTE SPLIT jia-ke2", "EXECUTE SUBMITTED jia-ke1",
                "SUB_REVIEW RETURNED jia-ke1", "SUB_REVIEW APPROVED jia-ke1", "SUB_REVIEW APPROVED jia-ke2",
                "REVIEW APPROVED jia");
        assertThat(trail.indexOf("SUB_REVIEW APPROVED jia-ke2")).isLessThan(trail.indexOf("REVIEW APPROVED jia"));
        assertThat(api.get("admin", "/api/admin/audit?subject=item:" + item).raw()).contains("TASK_SPLIT");
    }

    @Test
    void aParentUnitLeavingItsChildsPartUnreviewedIsRemindedThenEscalated() {
        api = new Api(mvc);
        int year = YEAR + 2;
        long plan = api.launchPlan("分解市" + year + "年政务公开工作要点\n一、公开\n1.公开分解审核测试事项。(责任单位:市甲局)9月30日前\n");
        LocalDate handedIn = LocalDate.of(year, 7, 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        today.set(handedIn);
        String jia = api.task("jia", plan, "EXECUTE", "jia");
        long item = api.tasks("jia", plan).get(0).get("itemId").asLong();
        api.sign("jia", jia);
        assertThat(split("jia", jia, "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + year + "-09-01\"}]}").status())
                .isEqualTo(200);
        String ke1 = only(api.tasks("jia-ke1", plan)).get("id").asText();
        assertThat(api.complete("jia-ke1", ke1, "{\"summary\":\"已完成\",\"percent\":100}").status()).isEqualTo(200);
        api.task("jia", plan, "SUB_REVIEW", "jia-ke1");

        // rules/queue.drl.csv: SUB_REVIEW reminded to the parent unit after 3 working days, escalated after 5
        api.sweep(today, handedIn.plusDays(2));
        assertThat(notices(item, "WAITING")).isEmpty();
        api.sweep(today, handedIn.plusDays(3));
        assertThat(notices(item, "WAITING")).containsExactly("jia " + handedIn.plusDays(3));
        assertThat(messages(item, "WAITING")).allMatch(m -> m.contains(year + "-09-30"));
        api.sweep(today, handedIn.plusDays(7));
        assertThat(notices(item, "ESCALATED")).contains("jia " + handedIn.plusDays(7)).noneMatch(n -> n.startsWith("jia-ke1 "));
        JsonNode escalated = api.get("admin", "/api/items/" + item).body();
        assertThat(escalated.get("item").get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalated.get("history")).anyMatch(e -> e.path("action").asText().equals("ESCALATED")
                && e.path("unit").asText().equals("jia") && e.path("comment").asText().contains("上级单位审核超期"));
        assertThat(api.tasks("leader", plan)).as("the parent unit's lag is the unit's: a 督办 task")
                .anyMatch(t -> t.get("step").asText().equals("SUPERVISE"));
    }

    @Test
    void anItemClosedWhileAPartIsOpenTakesItsSubTaskWithIt() {
        api = new Api(mvc);
        long plan = api.launchPlan("分解市" + (YEAR + 1) + "年政务公开工作要点\n一、公开\n1.公开分解关闭测试事项。(责任单位:市甲局)9月30日前\n");
        String jia = api.task("jia", plan, "EXECUTE", "jia");
        assertThat(split("jia", jia, "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\"" + (YEAR + 1) + "-09-01\"}]}").status())
                .isEqualTo(200);
        assertThat(api.tasks("jia-ke1", plan)).hasSize(1);
        JsonNode item = api.get("admin", "/api/items/" + api.tasks("jia", plan).get(0).get("itemId").asText()).body().get("item");
        // the office closes the item from the ledger: its process is deleted (LedgerWorkbook)
        runtime.deleteProcessInstance(item.get("processInstanceId").asText(), "台账导入: 办结", false);
        assertThat(api.tasks("jia-ke1", plan)).as("the child's work ends with the item").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(item.get("id").asText()).count()).isZero();
    }

    @Test
    void childUnitsComeFromTheOrgFileAndTheOfficeChangesThem() throws Exception {
        api = new Api(mvc);
        assertThat(parent("jia-ke1")).isEqualTo("jia");
        assertThat(parent("jia")).isNull();
        assertThat(put("/api/admin/units/jia/parent", "{\"parent\":\"jia-ke1\"}").status())
                .as("a cycle").isEqualTo(400);
        assertThat(put("/api/admin/units/jia-ke1/parent", "{\"parent\":\"jia-ke1\"}").status()).isEqualTo(400);
        assertThat(put("/api/admin/units/jia-ke1/parent", "{\"parent\":\"nope\"}").status()).isEqualTo(400);
        try {
            Api.Response moved = put("/api/admin/units/jia-ke2/parent", "{\"parent\":\"jia-ke1\"}");
            assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
            assertThat(moved.body().get("parent").asText()).isEqualTo("jia-ke1");
            assertThat(parent("jia-ke2")).isEqualTo("jia-ke1");
            assertThat(api.get("admin", "/api/admin/audit?subject=unit:jia-ke2").raw()).contains("UNIT_PARENT_CHANGED");
            // the 管理 page shows it and its form changes it
            var admin = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin"));
            String page = mvc.perform(MockMvcRequestBuilders.get("/admin").with(admin)).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"parent-jia-ke2\"").contains("<option value=\"jia-ke1\" selected=\"selected\">");
            assertThat(mvc.perform(MockMvcRequestBuilders.post("/admin/units/jia-ke2").param("parent", "")
                    .with(admin).with(SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse().getRedirectedUrl())
                    .isEqualTo("/admin?saved");
            assertThat(parent("jia-ke2")).isNull();
        } finally {
            assertThat(put("/api/admin/units/jia-ke2/parent", "{\"parent\":\"jia\"}").status()).isEqualTo(200);
        }
    }

    private Api.Response put(String path, String json) {
        return api.call("admin", MockMvcRequestBuilders.put(path)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json));
    }

    private String parent(String code) {
        for (JsonNode u : api.get("jia", "/api/units").body()) {
            if (u.get("code").asText().equals(code)) {
                return u.path("parent").isTextual() ? u.get("parent").asText() : null;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private Api.Response split(String user, String task, String json) {
        return api.post(user, "/api/tasks/" + task + "/split", json);
    }

    private static JsonNode only(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static List<String> units(List<JsonNode> tasks) {
        return tasks.stream().map(t -> t.get("unit").asText()).toList();
    }

    private List<String> messages(long itemId, String kind) {
        List<String> found = new ArrayList<>();
        api.get("admin", "/api/items/" + itemId).body().get("reminders").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                found.add(n.get("message").asText());
            }
        });
        return found;
    }

    /** The item's notifications of a kind, as "audience on_date". */
    private List<String> notices(long itemId, String kind) {
        List<String> found = new ArrayList<>();
        api.get("admin", "/api/items/" + itemId).body().get("reminders").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                found.add(n.get("audience").asText() + " " + n.get("onDate").asText());
            }
        });
        return found;
    }
}
