package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import cn.duban.TestToday;
import cn.duban.rules.WorkCalendar;

/**
 * 延期申请 through the API: a unit asks for a later due date for its part, a 延期审批 (EXTEND) task opens for the
 * supervisors, and once approved the unit's due moves — the task list, the sweep's reminders, escalations and colours
 * count against the new date, while the item's other unit keeps the old one. The decision table limits the requests;
 * a rejection leaves the date; the trail and the audit log keep every step.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExtensionTest {

    /** A year of its own: no other test's tasks open or are swept in it. */
    private static final int YEAR = LocalDate.now().getYear() + 57;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    TestToday today;

    @Autowired
    cn.duban.report.Notice notice;

    @Autowired
    cn.duban.plan.PlanStore plans;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private JsonNode item(long itemId) {
        return api.get("admin", "/api/items/" + itemId).body();
    }

    private static String extension(LocalDate due, String reason) {
        return "{\"due\":\"" + due + "\",\"reason\":\"" + reason + "\"}";
    }

    /** The actions of the item's trail about a unit. */
    private List<String> trail(long itemId, String unit) {
        List<String> actions = new ArrayList<>();
        item(itemId).get("history").forEach(e -> {
            if (unit.equals(e.path("unit").asText())) {
                actions.add(e.get("action").asText());
            }
        });
        return actions;
    }

    /** The kinds of the item's notifications to a unit. */
    private List<String> kinds(long itemId, String unit) {
        List<String> kinds = new ArrayList<>();
        item(itemId).get("reminders").forEach(n -> {
            if (n.get("audience").asText().equals(unit)) {
                kinds.add(n.get("kind").asText());
            }
        });
        return kinds;
    }

    private LocalDate due(String user, long planId, long itemId, String unit) {
        return api.tasks(user, planId).stream()
                .filter(t -> t.get("itemId").asLong() == itemId && t.get("step").asText().equals("EXECUTE")
                        && t.get("unit").asText().equals(unit))
                .map(t -> LocalDate.parse(t.get("due").asText())).findFirst().orElseThrow();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void twoRequestsAtTheSameInstantAreOneAcceptedAndOneRefused() throws Exception {
        today.set(calendar.nextWorkingDay(LocalDate.of(YEAR + 1, 2, 3)));
        long planId = api.launchPlan("测试市" + (YEAR + 1) + "年延期并发工作要点\n一、测试\n"
                + "1.公开延期并发测试事项。(责任单位:市甲局)3月底前\n");
        String task = api.task("jia", planId, "EXECUTE", "jia");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        String body = extension(LocalDate.of(YEAR + 1, 4, 15), "同时提交");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> asked = two.invokeAll(java.util.Collections.nCopies(2, () -> {
                together.await();
                return api.post("jia", "/api/tasks/" + task + "/extension", body).status();
            }));
            List<Integer> statuses = new ArrayList<>();
            for (var f : asked) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            two.shutdown();
        }
        assertThat(item(itemId).get("extensions")).hasSize(1);
        // the database holds it, whatever the check before it saw: a second waiting row of the unit's is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("insert into extension (item_id, unit_code, "
                        + "original_due, new_due, reason, status, asked_by, asked_at, pending_key) values (?, 'jia', "
                        + "current_date, current_date, 'x', 'PENDING', 'jia', current_timestamp, ?)")
                .params(itemId, itemId + ":jia").update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // once decided, the unit may ask again
        assertThat(api.complete("leader", api.task("leader", planId, "EXTEND", "jia"), "{\"decision\":\"REJECT\",\"comment\":\"不同意\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("jia", "/api/tasks/" + task + "/extension", extension(LocalDate.of(YEAR + 1, 4, 10), "再申请"))
                .status()).isEqualTo(201);
    }

    @Test
    void anApprovedExtensionMovesTheUnitsDueAndTheRulesCountAgainstIt() {
        LocalDate opened = calendar.nextWorkingDay(LocalDate.of(YEAR, 2, 3));
        today.set(opened);
        long planId = api.launchPlan("测试市" + YEAR + "年延期工作要点\n一、测试\n"
                + "1.公开延期测试事项一。(责任单位:市甲局、市乙局)3月底前\n"
                + "2.公开延期测试事项二。(责任单位:市甲局)3月底前\n");
        List<JsonNode> tasks = api.tasks("admin", planId);
        tasks.forEach(t -> api.sign("admin", t.get("id").asText())); // signed: only the due dates count
        long shared = tasks.stream().filter(t -> t.get("unit").asText().equals("yi")).findFirst().orElseThrow()
                .get("itemId").asLong();
        long alone = tasks.stream().mapToLong(t -> t.get("itemId").asLong()).filter(id -> id != shared).findFirst().orElseThrow();
        LocalDate original = LocalDate.of(YEAR, 3, 31);
        LocalDate later = LocalDate.of(YEAR, 4, 30);

        String jiaTask = api.tasks("jia", planId).stream().filter(t -> t.get("itemId").asLong() == shared)
                .findFirst().orElseThrow().get("id").asText();
        assertThat(api.post("yi", "/api/tasks/" + jiaTask + "/extension", extension(later, "理由")).status())
                .as("a sibling unit cannot ask for another unit's part").isEqualTo(403);
        assertThat(api.post("leader", "/api/tasks/" + jiaTask + "/extension", extension(later, "理由")).status())
                .as("a supervisor does not ask").isEqualTo(403);
        assertThat(api.post("jia", "/api/tasks/nosuchtask/extension", extension(later, "理由")).status()).isEqualTo(404);
        Response noReason = api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(later, " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("error").asText()).contains("延期理由");
        assertThat(api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(original.minusDays(1), "理由")).status())
                .as("not later than the due").isEqualTo(400);
        today.set(original.plusDays(20));
        Response past = api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(original.plusDays(10), "理由"));
        assertThat(past.status()).as("a date already gone").isEqualTo(400);
        assertThat(past.body().get("error").asText()).contains("不得早于今天");
        today.set(opened);

        Response asked = api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(later, "需等待上级批复"));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        assertThat(asked.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(asked.body().get("originalDue").asText()).isEqualTo(original.toString());
        Response twice = api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(later, "再次"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("error").asText()).contains("审批中");

        String extend = api.task("leader", planId, "EXTEND", "jia");
        assertThat(api.tasks("jia", planId)).as("the unit does not decide").noneMatch(t -> t.get("step").asText().equals("EXTEND"));
        assertThat(api.complete("jia", extend, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(403);
        assertThat(api.complete("leader", extend, "{\"decision\":\"MAYBE\"}").status()).isEqualTo(400);
        assertThat(api.complete("leader", extend, "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}").status()).isEqualTo(200);
        assertThat(due("jia", planId, shared, "jia")).isEqualTo(later);
        assertThat(due("yi", planId, shared, "yi")).as("the other unit keeps the item's date").isEqualTo(original);
        assertThat(item(shared).at("/extensions/0/status").asText()).isEqualTo("APPROVED");
        assertThat(item(shared).at("/extensions/0/decidedBy").asText()).isEqualTo("leader");

        // the table's limit: one approved extension per unit and item
        Response again = api.post("jia", "/api/tasks/" + jiaTask + "/extension", extension(later.plusDays(10), "还要"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error").asText()).contains("已获批延期 1 次");
        // ... and how far the new date may lie
        String yiTask = api.task("yi", planId, "EXECUTE", "yi");
        Response far = api.post("yi", "/api/tasks/" + yiTask + "/extension", extension(original.plusMonths(4), "很久"));
        assertThat(far.status()).isEqualTo(409);
        assertThat(far.body().get("error").asText()).contains("40 个工作日");

        // a rejection leaves the date
        assertThat(api.post("yi", "/api/tasks/" + yiTask + "/extension", extension(later, "人手不足")).status()).isEqualTo(201);
        String yiExtend = api.task("leader", planId, "EXTEND", "yi");
        assertThat(api.complete("leader", yiExtend, "{\"decision\":\"REJECT\"}").status()).as("a reason to reject").isEqualTo(400);
        assertThat(api.complete("leader", yiExtend, "{\"decision\":\"REJECT\",\"comment\":\"按期完成\"}").status()).isEqualTo(200);
        assertThat(due("yi", planId, shared, "yi")).isEqualTo(original);

        // the unit alone on the other item is extended too
        String jiaAlone = api.tasks("jia", planId).stream().filter(t -> t.get("itemId").asLong() == alone)
                .findFirst().orElseThrow().get("id").asText();
        assertThat(api.post("jia", "/api/tasks/" + jiaAlone + "/extension", extension(later, "同上")).status()).isEqualTo(201);
        assertThat(api.complete("leader", api.task("leader", planId, "EXTEND", "jia"),
                "{\"decision\":\"APPROVE\"}").status()).isEqualTo(200);

        // between the old and the new due: the un-extended unit is overdue and escalated, the extended one is not
        LocalDate between = calendar.nextWorkingDay(calendar.nextWorkingDay(calendar.nextWorkingDay(original.plusDays(1))));
        api.sweep(today, between);
        assertThat(trail(shared, "yi")).contains("ESCALATED", "EXTENSION_REQUESTED", "EXTENSION_REJECTED");
        assertThat(trail(shared, "jia")).contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED").doesNotContain("ESCALATED");
        assertThat(item(shared).at("/item/colour").asText()).isEqualTo("RED");
        assertThat(trail(alone, "jia")).doesNotContain("ESCALATED");
        assertThat(item(alone).at("/item/escalationLevel").asInt()).isZero();
        assertThat(item(alone).at("/item/colour").asText()).as("not overdue against the new date").isNotEqualTo("RED");
        assertThat(kinds(shared, "jia")).as("nothing counted against the old date").doesNotContain("OVERDUE", "ESCALATED");
        assertThat(kinds(shared, "yi")).contains("ESCALATED");
        assertThat(kinds(shared, "SUPERVISOR")).as("told of each request").contains("EXTENSION");
        assertThat(kinds(shared, "jia")).as("told of the decision").contains("EXTENSION");
        assertThat(kinds(shared, "yi")).contains("EXTENSION");

        // the dashboard, the 通报, the annual report and the score count against the unit's date and show both
        JsonNode dashboard = api.get("admin", "/api/stats/dashboard?plan=" + planId).body();
        assertThat(dashboard.get("overdueItems").findValuesAsText("itemId")).containsExactly(String.valueOf(shared));
        assertThat(dashboard.get("overdue").asInt()).isEqualTo(1);
        List<cn.duban.report.Notice.UnitLine> lines = notice.units(plans.plan(planId).orElseThrow(), opened, between);
        assertThat(lines.stream().filter(l -> l.unit().equals("yi")).flatMap(l -> l.entries().stream())
                .map(cn.duban.report.Notice.Entry::finding)).containsExactly("逾期未办结");
        assertThat(lines.stream().filter(l -> l.unit().equals("jia")).flatMap(l -> l.entries().stream()))
                .allSatisfy(e -> assertThat(e.finding()).isNotEqualTo("逾期未办结"))
                .allSatisfy(e -> assertThat(e.dueText()).isEqualTo(original + " → " + later + " (延期)"));
        assertThat(api.get("admin", "/api/plans/" + planId + "/report").raw())
                .contains("市甲局: " + original + " → " + later + " (延期)");
        JsonNode jiaScore = api.get("jia", "/api/stats/scores?plan=" + planId).body().get(0);
        List<String> causes = new ArrayList<>();
        jiaScore.get("lines").forEach(l -> causes.add(l.get("cause").asText() + "×" + l.get("count").asInt()));
        assertThat(causes).contains("EXTENSION×2");

        List<String> audited = new ArrayList<>();
        api.get("admin", "/api/admin/audit?subject=item:" + shared).body().forEach(e -> audited.add(e.get("action").asText()));
        assertThat(audited).contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENSION_REJECTED");
    }
}
