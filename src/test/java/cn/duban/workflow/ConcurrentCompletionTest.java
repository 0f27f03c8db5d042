package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/**
 * Two units' tasks of one item completed at the same moment touch sibling executions of one multi-instance: the
 * optimistic-locking conflict is retried in the service, so both succeed, once each; the same task completed twice
 * is still refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConcurrentCompletionTest {

    private static final int ROUNDS = 10;

    @Autowired
    MockMvc mvc;

    Api api;
    ExecutorService clients;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clients = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void twoUnitsHandInAndAreApprovedAtTheSameMoment() throws Exception {
        long planId = launch(ROUNDS, "同时办理");
        for (long itemId : itemIds(planId)) {
            List<Integer> handedIn = together(
                    () -> api.complete("jia", task("jia", itemId, "EXECUTE", "jia"), "{\"summary\":\"甲局已办\",\"percent\":100}").status(),
                    () -> api.complete("yi", task("yi", itemId, "EXECUTE", "yi"), "{\"summary\":\"乙局已办\",\"percent\":100}").status());
            assertThat(handedIn).containsExactly(200, 200);
            String jia = task("leader", itemId, "REVIEW", "jia");
            String yi = task("leader", itemId, "REVIEW", "yi");
            List<Integer> approved = together(
                    () -> api.complete("leader", jia, "{\"decision\":\"APPROVE\"}").status(),
                    () -> api.complete("admin", yi, "{\"decision\":\"APPROVE\"}").status());
            assertThat(approved).containsExactly(200, 200);
            assertCompletedOnce(itemId);
        }
    }

    @Test
    void anEscalatedItemsSuperviseAndReviewTasksCompletedAtTheSameMoment() throws Exception {
        // a past year: the sweeps (first, third and fifth working day after 2021-08-31) are never in the future
        long planId = api.launchPlan(plan(2021, ROUNDS, "逾期督办", "8月底前"));
        for (String day : List.of("2021-09-01", "2021-09-03", "2021-09-07")) {
            assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").status()).isEqualTo(200);
        }
        for (long itemId : itemIds(planId)) {
            List<String> supervise = tasks("leader", itemId, "SUPERVISE", "jia");
            assertThat(supervise).as("one 督办 task for each of the three levels").hasSize(3);
            assertThat(together(
                    () -> api.complete("leader", supervise.get(0), "{\"comment\":\"已约谈\"}").status(),
                    () -> api.complete("admin", supervise.get(1), "{\"comment\":\"已通报\"}").status()))
                    .containsExactly(200, 200);
            assertThat(together(
                    () -> api.complete("jia", task("jia", itemId, "EXECUTE", "jia"), "{\"summary\":\"甲局已办\",\"percent\":100}").status(),
                    () -> api.complete("yi", task("yi", itemId, "EXECUTE", "yi"), "{\"summary\":\"乙局已办\",\"percent\":100}").status()))
                    .containsExactly(200, 200);
            String jia = task("leader", itemId, "REVIEW", "jia");
            assertThat(together(
                    () -> api.complete("leader", jia, "{\"decision\":\"APPROVE\"}").status(),
                    () -> api.complete("admin", supervise.get(2), "{\"comment\":\"已督促\"}").status()))
                    .containsExactly(200, 200);
            api.complete("leader", task("leader", itemId, "REVIEW", "yi"), "{\"decision\":\"APPROVE\"}");
            assertCompletedOnce(itemId);
            List<String> actions = actions(itemId);
            assertThat(actions.stream().filter("SUPERVISED"::equals)).as("each 督办 recorded once").hasSize(3);
        }
    }

    @Test
    void tasksCompletedOnThePagesAtTheSameMomentBothAnswerWithThePage() throws Exception {
        long planId = api.launchPlan(plan(2020, ROUNDS, "页面督办", "8月底前"));
        for (String day : List.of("2020-09-01", "2020-09-03")) {
            assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").status()).isEqualTo(200);
        }
        for (long itemId : itemIds(planId)) {
            List<String> supervise = tasks("leader", itemId, "SUPERVISE", "jia");
            assertThat(supervise).hasSize(2);
            for (MvcResult page : together(() -> supervise("leader", supervise.get(0), itemId),
                    () -> supervise("admin", supervise.get(1), itemId))) {
                assertThat(page.getResponse().getRedirectedUrl()).as(page.getResponse().getContentAsString())
                        .isEqualTo("/items/" + itemId + "?done");
            }
            api.complete("jia", task("jia", itemId, "EXECUTE", "jia"), "{\"summary\":\"甲局已办\",\"percent\":100}");
            api.complete("yi", task("yi", itemId, "EXECUTE", "yi"), "{\"summary\":\"乙局已办\",\"percent\":100}");
            String jia = task("leader", itemId, "REVIEW", "jia");
            String yi = task("leader", itemId, "REVIEW", "yi");
            for (MvcResult page : together(() -> review("leader", jia), () -> review("admin", yi))) {
                assertThat(page.getResponse().getStatus()).isEqualTo(200);
                assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("role=\"status\"");
            }
            assertCompletedOnce(itemId);
        }
    }

    @Test
    void theSameTaskCompletedTwiceAtOnceIsDoneOnceAndRefusedOnce() throws Exception {
        long planId = launch(ROUNDS, "重复办理");
        for (long itemId : itemIds(planId)) {
            String execute = task("jia", itemId, "EXECUTE", "jia");
            List<Api.Response> answers = together(
                    () -> api.complete("jia", execute, "{\"summary\":\"甲局已办\",\"percent\":100}"),
                    () -> api.complete("admin", execute, "{\"summary\":\"甲局已办\",\"percent\":100}"));
            assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 200).hasSize(1);
            Api.Response refused = answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(refused.status()).as(refused.raw()).isIn(404, 409);
            assertThat(refused.body().get("error").asText()).contains("办结");
            assertThat(api.get("admin", "/api/items/" + itemId).body().get("reports")).as("handed in once").hasSize(1);

            String review = task("leader", itemId, "REVIEW", "jia");
            List<MvcResult> pages = together(() -> review("leader", review), () -> review("admin", review));
            assertThat(pages).filteredOn(p -> p.getResponse().getStatus() == 200).hasSize(1);
            MvcResult page = pages.stream().filter(p -> p.getResponse().getStatus() != 200).findFirst().orElseThrow();
            assertThat(page.getResponse().getStatus()).as("a page saying why, not an error 500").isIn(404, 409);
            assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).containsAnyOf("办结", "没有待审核的报送");
            // the item is left without open tasks for the other tests sharing this database
            api.complete("yi", task("yi", itemId, "EXECUTE", "yi"), "{\"summary\":\"乙局已办\",\"percent\":100}");
            api.complete("leader", task("leader", itemId, "REVIEW", "yi"), "{\"decision\":\"APPROVE\"}");
            assertCompletedOnce(itemId);
        }
    }

    /** A plan of {@code n} items due at year end, each the work of 市甲局 and 市乙局. */
    private long launch(int n, String title) {
        return api.launchPlan(plan(java.time.LocalDate.now().getYear() + 19, n, title, "年底前"));
    }

    private static String plan(int year, int n, String title, String deadline) {
        StringBuilder plan = new StringBuilder("测试市" + year + "年政务公开工作要点\n一、并发\n");
        for (int i = 1; i <= n; i++) {
            plan.append(i).append(".").append(title).append("事项").append(i).append("。(责任单位:市甲局、市乙局)")
                    .append(deadline).append("\n");
        }
        return plan.toString();
    }

    private List<Long> itemIds(long planId) {
        return api.tasks("admin", planId).stream().map(t -> t.get("itemId").asLong()).distinct().toList();
    }

    /** The user's one open task of the item for that step and unit. */
    private String task(String user, long itemId, String step, String unit) {
        List<String> matching = tasks(user, itemId, step, unit);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** The user's open tasks of the item for that step and unit, oldest first. */
    private List<String> tasks(String user, long itemId, String step, String unit) {
        List<String> matching = new ArrayList<>();
        api.get(user, "/api/tasks?step=" + step + "&unit=" + unit).body().forEach(t -> {
            if (t.get("itemId").asLong() == itemId) {
                matching.add(t.get("id").asText());
            }
        });
        return matching;
    }

    /** 通过 on the review page. */
    private MvcResult review(String username, String taskId) throws Exception {
        return mvc.perform(post("/reviews/" + taskId).param("decision", "APPROVE").with(signedIn(username)).with(csrf()))
                .andReturn();
    }

    /** The 督办 form on the item page. */
    private MvcResult supervise(String username, String taskId, long itemId) throws Exception {
        return mvc.perform(post("/tasks/" + taskId + "/complete").param("itemId", String.valueOf(itemId))
                .param("comment", "已督促").with(signedIn(username)).with(csrf())).andReturn();
    }

    private static RequestPostProcessor signedIn(String username) {
        return user(username).roles(username.equals("admin") ? "ADMIN" : "SUPERVISOR");
    }

    /** Runs both calls at the same moment; their results in order. */
    @SafeVarargs
    private <T> List<T> together(Callable<T>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> call : calls) {
            running.add(clients.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }

    /** Completed, with each unit's report handed in, approved and in the ledger exactly once. */
    private void assertCompletedOnce(long itemId) {
        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("reports")).hasSize(2);
        assertThat(item.get("ledger")).hasSize(2);
        List<String> actions = actions(itemId);
        assertThat(actions.stream().filter("SUBMITTED"::equals)).hasSize(2);
        assertThat(actions.stream().filter("APPROVED"::equals)).hasSize(2);
        assertThat(actions.stream().filter("REPORTED"::equals)).hasSize(1);
    }

    private List<String> actions(long itemId) {
        List<String> actions = new ArrayList<>();
        api.get("admin", "/api/items/" + itemId).body().get("history").forEach(h -> actions.add(h.get("action").asText()));
        return actions;
    }
}
