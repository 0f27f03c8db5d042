package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;

/** The supervision process driven through the REST API as its users would. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SupervisionFlowTest {

    private static final String DONE = """
            {"summary":"已在门户网站集中公开","percent":100,"evidence":["https://gov.example/a"]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    static String plan(String... items) {
        StringBuilder text = new StringBuilder("测试市2026年政务公开工作要点\n\n一、测试章节\n\n");
        for (int i = 0; i < items.length; i++) {
            text.append(i + 1).append(".").append(items[i]).append("\n");
        }
        return text.toString();
    }

    @Test
    void approvedReportLandsInTheLedgerWithTheWholeTrail() {
        long planId = api.launchPlan(plan("公开财政预决算信息。(责任单位:市甲局)6月底前"));
        JsonNode task = api.tasks("jia", planId).get(0);
        assertThat(task.get("step").asText()).isEqualTo("EXECUTE");
        assertThat(task.get("unit").asText()).isEqualTo("jia");
        assertThat(task.get("due").asText()).isEqualTo("2026-06-30");
        assertThat(task.get("itemNumber").asText()).isEqualTo("1");
        assertThat(task.get("title").asText()).isEqualTo("公开财政预决算信息");
        assertThat(Instant.parse(task.get("created").asText())).as("when the task opened, not hours off")
                .isBetween(Instant.now().minusSeconds(120), Instant.now());
        long itemId = task.get("itemId").asLong();
        assertThat(api.tasks("leader", planId)).isEmpty();

        assertThat(api.complete("jia", task.get("id").asText(), DONE).status()).isEqualTo(200);
        assertThat(api.tasks("jia", planId)).isEmpty();
        String review = api.task("leader", planId, "REVIEW", "jia");
        assertThat(api.complete("leader", review, "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}").status()).isEqualTo(200);

        JsonNode item = api.get("jia", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("openTasks")).isEmpty();
        assertThat(item.get("ledger")).hasSize(1);
        assertThat(item.at("/ledger/0/summary").asText()).isEqualTo("已在门户网站集中公开");
        assertThat(item.at("/ledger/0/reportedBy").asText()).isEqualTo("jia");
        assertThat(item.at("/ledger/0/approvedBy").asText()).isEqualTo("leader");
        assertThat(item.at("/ledger/0/evidence/0").asText()).isEqualTo("https://gov.example/a");
        assertThat(actions(item)).containsExactly("IMPORTED", "LAUNCHED", "TASK_OPENED", "SIGNED", "SUBMITTED", "TASK_OPENED",
                "APPROVED", "REPORTED");
        assertThat(item.get("history").get(3).get("actor").asText()).as("handing in signed for it").isEqualTo("jia");
        JsonNode approved = item.get("history").get(6);
        assertThat(approved.get("actor").asText()).isEqualTo("leader");
        assertThat(approved.get("comment").asText()).isEqualTo("同意");
        assertThat(approved.get("at").asText()).isNotBlank();
    }

    @Test
    void returnedTwiceThenApprovedCountsTheReturns() {
        long planId = api.launchPlan(plan("公开政府债务信息。(责任单位:市乙局)9月底前"));
        for (int round = 1; round <= 2; round++) {
            String execute = api.task("yi", planId, "EXECUTE", "yi");
            api.complete("yi", execute, "{\"summary\":\"第" + round + "次报送\",\"percent\":80}");
            String review = api.task("leader", planId, "REVIEW", "yi");
            assertThat(api.complete("leader", review, "{\"decision\":\"RETURN\",\"comment\":\"佐证不足\"}").status())
                    .isEqualTo(200);
        }
        String execute = api.task("yi", planId, "EXECUTE", "yi");
        long itemId = api.tasks("yi", planId).get(0).get("itemId").asLong();
        api.complete("yi", execute, "{\"summary\":\"第3次报送\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "yi"), "{\"decision\":\"APPROVE\"}");

        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertThat(item.at("/item/returnCount").asInt()).isEqualTo(2);
        assertThat(item.get("reports")).hasSize(3);
        assertThat(item.at("/reports/0/decision").asText()).isEqualTo("RETURN");
        assertThat(item.at("/reports/0/reviewComment").asText()).isEqualTo("佐证不足");
        assertThat(item.get("ledger")).hasSize(1);
        assertThat(item.at("/ledger/0/summary").asText()).isEqualTo("第3次报送");
        assertThat(actions(item).stream().filter("RETURNED"::equals)).hasSize(2);
    }

    @Test
    void returningRequiresAComment() {
        long planId = api.launchPlan(plan("公开规范性文件。(责任单位:市丁局)年底前"));
        api.complete("ding", api.task("ding", planId, "EXECUTE", "ding"), DONE);
        String review = api.task("leader", planId, "REVIEW", "ding");
        Response refused = api.complete("leader", review, "{\"decision\":\"RETURN\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).contains("意见");
        assertThat(api.complete("leader", review, "{\"decision\":\"MAYBE\"}").status()).isEqualTo(400);
        assertThat(api.task("leader", planId, "REVIEW", "ding")).isEqualTo(review);
    }

    @Test
    void leadUnitConsolidatesTheResponsibleUnitsWork() {
        long planId = api.launchPlan(plan("推进涉企信息公开。(牵头单位:市甲局;责任单位:市乙局、市丙局)10月底前"));
        assertThat(api.tasks("jia", planId)).isEmpty();
        String yi = api.task("yi", planId, "EXECUTE", "yi");
        String bing = api.task("bing", planId, "EXECUTE", "bing");
        api.complete("yi", yi, "{\"summary\":\"乙局已公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "yi"), "{\"decision\":\"APPROVE\"}");
        assertThat(api.tasks("jia", planId)).as("the lead waits for every responsible unit").isEmpty();
        api.complete("bing", bing, "{\"summary\":\"丙局已公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "bing"), "{\"decision\":\"APPROVE\"}");

        String consolidate = api.task("jia", planId, "EXECUTE", "jia");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        api.complete("jia", consolidate, "{\"summary\":\"甲局汇总: 乙丙两局均已公开\",\"percent\":100}");
        String review = api.task("leader", planId, "REVIEW", "jia");
        api.complete("leader", review, "{\"decision\":\"RETURN\",\"comment\":\"请补充链接\"}");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"),
                "{\"summary\":\"甲局汇总(补充)\",\"percent\":100,\"evidence\":[\"https://gov.example/b\"]}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");

        JsonNode item = api.get("jia", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        List<String> ledgerUnits = new ArrayList<>();
        item.get("ledger").forEach(e -> ledgerUnits.add(e.get("unit").asText()));
        assertThat(ledgerUnits).containsExactlyInAnyOrder("yi", "bing", "jia");
        assertThat(item.at("/item/returnCount").asInt()).isEqualTo(1);
        // every unit involved sees the item; a unit outside it does not
        assertThat(api.get("yi", "/api/items/" + itemId).status()).isEqualTo(200);
        assertThat(api.get("ding", "/api/items/" + itemId).status()).isEqualTo(403);
    }

    @Test
    void unknownUnitGoesToTheOfficeToConfirm() {
        long planId = api.launchPlan(plan("开展政府开放日活动。(责任单位:市戊局)11月底前"));
        assertThat(api.tasks("jia", planId)).isEmpty();
        String assign = api.task("admin", planId, "ASSIGN", null);
        long itemId = api.tasks("admin", planId).get(0).get("itemId").asLong();
        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(actions(item)).contains("NEEDS_ASSIGN");
        assertThat(item.get("history").toString()).contains("市戊局");

        assertThat(api.complete("leader", assign, "{\"responsibleUnits\":[\"jia\"]}").status()).isEqualTo(403);
        Response unknown = api.complete("admin", assign, "{\"responsibleUnits\":[\"市戊局\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").asText()).contains("市戊局");
        assertThat(api.complete("admin", assign,
                "{\"leadUnits\":[],\"responsibleUnits\":[\"jia\",\"市乙局\"],\"due\":\"2026-12-15\"}").status())
                .isEqualTo(200);

        JsonNode jiaTask = api.tasks("jia", planId).get(0);
        assertThat(jiaTask.get("due").asText()).isEqualTo("2026-12-15");
        assertThat(api.tasks("yi", planId)).hasSize(1);
        item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/responsibleUnits").toString()).isEqualTo("[\"市甲局\",\"市乙局\"]");
        assertThat(actions(item)).contains("ASSIGNED");
    }

    @Test
    void groupPhraseGivesEveryMemberItsOwnTask() {
        long planId = api.launchPlan(plan("公开权责清单。(牵头单位:市甲局;责任单位:市政府各局)全年"));
        assertThat(api.tasks("ding", planId)).hasSize(1);
        assertThat(api.tasks("jia", planId)).as("the lead is also one of the group").hasSize(1);
        assertThat(api.tasks("admin", planId)).hasSize(4);
    }

    @Test
    void aQuarterlyItemAsksTheUnitAgainWhenTheNextQuarterStarts() {
        int year = java.time.LocalDate.now().getYear() + 1;
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、测试\n1.公开政府债务信息,每季度更新。(责任单位:市丙局)\n");
        long itemId = api.tasks("bing", planId).get(0).get("itemId").asLong();
        api.complete("bing", api.task("bing", planId, "EXECUTE", "bing"), "{\"summary\":\"一季度已更新\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "bing"), "{\"decision\":\"APPROVE\"}");
        assertThat(api.tasks("bing", planId)).as("waiting for the second quarter").isEmpty();
        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("OPEN");
        var timer = management.createJobQuery().processInstanceId(item.at("/item/processInstanceId").asText()).timers().singleResult();
        assertThat(new java.text.SimpleDateFormat("yyyy-MM-dd").format(timer.getDuedate())).isEqualTo(year + "-04-01");
        management.executeJob(timer.getId());
        assertThat(api.tasks("bing", planId)).as("the second quarter's report is asked for").hasSize(1);
    }

    @Test
    void unitUserCannotTouchAnotherUnitsTask() {
        long planId = api.launchPlan(plan("公开执法信息。(责任单位:市甲局)年底前"));
        String task = api.task("jia", planId, "EXECUTE", "jia");
        Response refused = api.complete("yi", task, DONE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("error").asText()).isNotBlank();
        assertThat(api.post("yi", "/api/tasks/" + task + "/progress", DONE).status()).isEqualTo(403);
        assertThat(api.complete("leader", task, DONE).status()).as("a reviewer does not do a unit's work").isEqualTo(403);
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        assertThat(api.get("yi", "/api/items/" + itemId).status()).isEqualTo(403);
        assertThat(api.tasks("yi", planId)).isEmpty();
        assertThat(api.task("jia", planId, "EXECUTE", "jia")).isEqualTo(task);
    }

    @Test
    void progressAndAttachmentsStayWithTheTask() {
        long planId = api.launchPlan(plan("公开统计数据。(责任单位:市丙局)8月底前"));
        String task = api.task("bing", planId, "EXECUTE", "bing");
        assertThat(api.post("bing", "/api/tasks/" + task + "/progress", "{\"summary\":\"已完成一半\",\"percent\":50}")
                .status()).isEqualTo(200);
        Response file = api.upload("bing", "/api/tasks/" + task + "/attachments", "截图.png",
                "png".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).isEqualTo(200);
        long fileId = file.body().get("id").asLong();
        assertThat(api.task("bing", planId, "EXECUTE", "bing")).isEqualTo(task);
        api.complete("bing", task, "{\"summary\":\"完成\",\"percent\":100,\"attachments\":[" + fileId + "]}");

        long itemId = api.tasks("leader", planId).get(0).get("itemId").asLong();
        JsonNode item = api.get("bing", "/api/items/" + itemId).body();
        assertThat(item.get("reports")).hasSize(2);
        assertThat(item.at("/reports/0/kind").asText()).isEqualTo("PROGRESS");
        assertThat(item.at("/attachments/0/filename").asText()).isEqualTo("截图.png");
        assertThat(item.at("/attachments/0/reportId").asLong()).isEqualTo(item.at("/reports/1/id").asLong());
        Response download = api.get("bing", "/api/attachments/" + fileId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw()).isEqualTo("png");
        assertThat(api.get("ding", "/api/attachments/" + fileId).status()).isEqualTo(403);
    }

    @Test
    void twoConcurrentLaunchesStartEachItemOnce() throws Exception {
        Api.Response imported = api.upload("admin", "/api/plans/import", "plan.txt",
                plan("公开并发事项一。(责任单位:市甲局)9月底前", "公开并发事项二。(责任单位:市乙局)9月底前").getBytes(StandardCharsets.UTF_8));
        long planId = imported.body().get("planId").asLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> launches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            launches.add(pool.submit(() -> {
                start.await();
                return api.post("admin", "/api/plans/" + planId + "/launch", "").status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : launches) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode items = api.get("admin", "/api/plans/" + planId).body().get("items");
        assertThat(items).hasSize(2).allMatch(i -> i.get("status").asText().equals("OPEN"));
        for (JsonNode item : items) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(item.get("id").asText()).count())
                    .as("item %s started once", item.get("id")).isEqualTo(1);
        }
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        Response r = api.get(null, "/api/tasks");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("error").asText()).isNotBlank();
        assertThat(api.call("jia", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/me")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("jia", "wrong"))).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        long planId = api.launchPlan(plan("公开人事信息。(责任单位:市丁局)7月底前"));
        String task = api.task("ding", planId, "EXECUTE", "ding");
        for (String body : List.of("{\"summary\": ", "not json", "{\"summary\":\"x\",\"percent\":\"abc\"}")) {
            Response r = api.complete("ding", task, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body().get("error").asText()).isNotBlank();
        }
        assertThat(api.complete("ding", task, "{\"summary\":\"x\",\"percent\":101}").status()).isEqualTo(400);
        assertThat(api.complete("ding", task, "{\"percent\":100}").status()).isEqualTo(400);
        assertThat(api.complete("ding", task, "{\"summary\":\"x\",\"percent\":100,\"attachments\":[999999]}").status())
                .isEqualTo(400);
        assertThat(api.complete("ding", "no-such-task", DONE).status()).isEqualTo(404);
        assertThat(api.task("ding", planId, "EXECUTE", "ding")).as("nothing was handed in").isEqualTo(task);
    }

    @Test
    void onlyTheOfficeImportsAndLaunchesPlans() {
        byte[] text = plan("公开事项。(责任单位:市甲局)年底前").getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload("jia", "/api/plans/import", "p.txt", text).status()).isEqualTo(403);
        assertThat(api.upload("leader", "/api/plans/import", "p.txt", text).status()).isEqualTo(403);
        int before = api.get("admin", "/api/plans").body().size();
        Response empty = api.upload("admin", "/api/plans/import", "p.txt", "没有编号的文字".getBytes(StandardCharsets.UTF_8));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.get("admin", "/api/plans").body().size()).as("nothing half-imported").isEqualTo(before);
        long planId = api.upload("admin", "/api/plans/import", "p.txt", text).body().get("planId").asLong();
        assertThat(api.post("jia", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(200);
        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(409);
        assertThat(api.get("jia", "/api/admin/users").status()).isEqualTo(403);
        JsonNode users = api.get("admin", "/api/admin/users").body();
        assertThat(users.toString()).contains("\"username\":\"jia\"").doesNotContain("passwordHash").doesNotContain("{noop}");
        JsonNode me = api.get("jia", "/api/me").body();
        assertThat(me.get("roles").toString()).isEqualTo("[\"UNIT\"]");
        assertThat(me.get("units").toString()).isEqualTo("[\"jia\"]");
    }

    private static List<String> actions(JsonNode item) {
        List<String> actions = new ArrayList<>();
        item.get("history").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
