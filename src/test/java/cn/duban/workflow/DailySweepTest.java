package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;
import cn.duban.rules.WorkCalendar;

/** The daily sweep through the API: reminders, escalation to a 督办 task, colours, idempotency; rule reloads. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DailySweepTest {

    /** Next year, so that every sweep day comes after the reports the test makes today. */
    private static final int YEAR = LocalDate.now().getYear() + 1;
    private static final LocalDate DUE = LocalDate.of(YEAR, 9, 30);

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    TestToday today;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    /** The sweep of a day, on that day. */
    private JsonNode sweep(LocalDate day) {
        return api.sweep(today, day);
    }

    /** The working day {@code n} working days from the due date (negative: before it). */
    private LocalDate fromDue(int n) {
        LocalDate d = DUE;
        int step = n < 0 ? -1 : 1;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private long launch(String item) {
        return api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n一、测试\n1." + item + "\n");
    }

    @Test
    void remindersBeforeDueEscalationAfterItAndNothingTwice() {
        long planId = launch("公开审计结果。(责任单位:市甲局)9月底前");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        String task = api.task("jia", planId, "EXECUTE", "jia");
        api.sign("jia", task); // the unit signed for it (签收): only the due date's rules speak
        LocalDate lagging = LocalDate.of(YEAR, 7, 1);
        sweep(lagging);
        assertThat(api.get("jia", "/api/items/" + itemId).body().at("/item/colour").asText())
                .as("half the year gone, nothing reported").isEqualTo("YELLOW");
        api.post("jia", "/api/tasks/" + task + "/progress", "{\"summary\":\"已完成大部分\",\"percent\":85}");

        LocalDate dueSoon = fromDue(-5);
        JsonNode first = sweep(dueSoon);
        assertThat(first.get("workingDay").asBoolean()).isTrue();
        assertThat(first.get("reminders").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode again = sweep(dueSoon);
        assertThat(again.get("reminders").asInt()).as("the same day twice").isZero();
        assertThat(again.get("escalations").asInt()).isZero();
        JsonNode item = api.get("jia", "/api/items/" + itemId).body();
        assertThat(item.get("reminders").toString()).contains("DUE_SOON", "第1项", "剩余 5 个工作日");
        assertThat(item.at("/item/colour").asText()).isEqualTo("BLUE");

        LocalDate overdue = fromDue(1);
        JsonNode late = sweep(overdue);
        assertThat(late.get("escalations").asInt()).isEqualTo(1);
        assertThat(sweep(overdue).get("escalations").asInt()).isZero();
        item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/escalationLevel").asInt()).isEqualTo(1);
        assertThat(item.at("/item/colour").asText()).isEqualTo("RED");
        assertThat(item.get("reminders").toString()).contains("OVERDUE");
        assertThat(item.get("history").toString()).contains("ESCALATED", "一级督办");
        assertThat(api.get("leader", "/api/notifications").body().toString()).as("the supervisors' notice names the unit")
                .contains("(责任单位: 市甲局)。原因: ");

        List<JsonNode> supervise = api.tasks("leader", planId).stream().filter(t -> t.get("step").asText().equals("SUPERVISE")).toList();
        assertThat(supervise).hasSize(1);
        assertThat(supervise.get(0).get("unit").asText()).isEqualTo("jia");
        assertThat(api.tasks("jia", planId)).as("the unit still has its work, not the 督办 task").hasSize(1)
                .allMatch(t -> t.get("step").asText().equals("EXECUTE"));
        String superviseId = supervise.get(0).get("id").asText();
        assertThat(api.complete("jia", superviseId, "{\"comment\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.complete("leader", superviseId, "{\"comment\":\"已约谈单位负责人\"}").status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/items/" + itemId).body().get("history").toString()).contains("SUPERVISED", "已约谈单位负责人");

        assertThat(sweep(fromDue(3)).get("escalations").asInt()).as("level 2 on the third working day").isEqualTo(1);
        assertThat(api.get("admin", "/api/items/" + itemId).body().at("/item/escalationLevel").asInt()).isEqualTo(2);

        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已补报\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");
        item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertThat(item.at("/item/escalationLevel").asInt()).isZero();
    }

    /** The colour of the item page without a sweep: at launch, and again after each report, as that day's sweep gives it. */
    @Test
    void anItemTakesItsColourAtLaunchAndAfterEachReportWithoutWaitingForTheSweep() {
        today.set(LocalDate.of(YEAR, 7, 1)); // half the year gone
        long planId = launch("公开统计数据。(责任单位:市甲局)9月底前");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        assertThat(colour(itemId)).as("at launch, nothing reported").isEqualTo("YELLOW");

        String task = api.task("jia", planId, "EXECUTE", "jia");
        api.post("jia", "/api/tasks/" + task + "/progress", "{\"summary\":\"已完成大部分\",\"percent\":85}");
        String afterReport = colour(itemId);
        assertThat(afterReport).as("a report of 85%% changes the colour").isNotEqualTo("YELLOW");
        sweep(LocalDate.of(YEAR, 7, 1));
        assertThat(colour(itemId)).as("the sweep of the day agrees").isEqualTo(afterReport);

        api.complete("jia", task, "{\"summary\":\"已办结\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"RETURN\",\"comment\":\"缺少链接\"}");
        String afterReturn = colour(itemId);
        sweep(LocalDate.of(YEAR, 7, 1));
        assertThat(colour(itemId)).as("returned: the unit's work is open again, coloured as the sweep colours it")
                .isEqualTo(afterReturn);
    }

    private String colour(long itemId) {
        JsonNode colour = api.get("admin", "/api/items/" + itemId).body().at("/item/colour");
        return colour.isNull() || colour.isMissingNode() ? "none" : colour.asText();
    }

    @Test
    void aNonWorkingDayIsSkippedAndOnlyTheOfficeSweeps() {
        LocalDate nationalDay = LocalDate.of(2026, 10, 1);
        JsonNode holiday = sweep(nationalDay);
        assertThat(holiday.get("workingDay").asBoolean()).isFalse();
        assertThat(holiday.get("reminders").asInt()).isZero();
        assertThat(api.post("leader", "/api/admin/sweep?date=2026-09-01", "").status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/admin/sweep?date=2026-13-01", "").status()).isEqualTo(400);
    }

    @Test
    void aDayAfterTodayIsRefusedAndTheSimulationIsTheWayToLookAhead() {
        long planId = launch("公开财政资金直达情况。(责任单位:市丙局)9月底前");
        long itemId = api.tasks("bing", planId).get(0).get("itemId").asLong();
        LocalDate dueSoon = fromDue(-5);
        today.set(dueSoon.minusDays(1));
        Response ahead = api.post("admin", "/api/admin/sweep?date=" + dueSoon, "");
        assertThat(ahead.status()).isEqualTo(400);
        assertThat(ahead.body().get("error").asText()).contains(dueSoon.toString(), "模拟", "simulate");
        assertThat(api.get("admin", "/api/items/" + itemId).body().get("reminders").toString()).as("nothing sent").doesNotContain("DUE_SOON");
        assertThat(api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&from=" + dueSoon + "&weeks=1").body().toString())
                .as("the simulation shows that day").contains("DUE_SOON");
        today.set(dueSoon);
        assertThat(api.post("admin", "/api/admin/sweep?date=" + dueSoon, "").body().get("reminders").asInt())
                .as("on the day itself").isGreaterThanOrEqualTo(1);
        assertThat(api.post("admin", "/api/admin/sweep", "").body().get("date").asText()).as("no date: today").isEqualTo(dueSoon.toString());
    }

    @Test
    void aBrokenRuleFileIsRefusedAndTheRulesInForceKeepAnswering() throws Exception {
        String rulesDir = api.get("admin", "/api/admin/rules").body().get("folder").asText();
        Response accepted = api.call("ops", MockMvcRequestBuilders.put("/api/admin/rules/extra.drl")
                .contentType(MediaType.TEXT_PLAIN).content("""
                        package rules;
                        import cn.duban.rules.Work;
                        // a rule that never fires: only checks that a valid file is taken
                        rule "never" when Work( itemNumber == "no such item" ) then end
                        """));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("files").toString()).contains("extra.drl", "thresholds.drl.csv");
        assertThat(Files.exists(Path.of(rulesDir).resolve("extra.drl"))).as("written to the rules folder").isTrue();
        assertThat(Files.exists(Path.of(rulesDir).resolve("thresholds.drl.csv"))).as("with the rules that were in force").isTrue();
        assertThat(api.get("leader", "/api/admin/rules").status()).isEqualTo(403);

        Response refused = api.call("ops", MockMvcRequestBuilders.put("/api/admin/rules/extra.drl")
                .contentType(MediaType.TEXT_PLAIN).content("package rules; rule \"x\" when Nonsense( then end"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).contains("规则文件有错误", "extra.drl");
        assertThat(refused.body().get("problems")).hasSize(1);
        assertThat(refused.body().at("/problems/0/file").asText()).isEqualTo("extra.drl");
        assertThat(refused.body().at("/problems/0/line").asInt()).isEqualTo(1);
        assertThat(refused.body().at("/problems/0/column").asInt()).isEqualTo(45);
        assertThat(refused.body().at("/problems/0/message").asText()).contains("mismatched input");

        // an error in a rule's actions: placed in the rule file, without the Java the executable model generates
        Response action = api.call("ops", MockMvcRequestBuilders.put("/api/admin/rules/extra.drl")
                .contentType(MediaType.TEXT_PLAIN).content("package rules;\nimport cn.duban.rules.Work;\n"
                        + "rule \"x\" when\n    $w : Work()\nthen\n    $w.noSuchMethod();\nend\n"));
        assertThat(action.status()).isEqualTo(400);
        assertThat(action.body().at("/problems/0/file").asText()).isEqualTo("extra.drl");
        assertThat(action.body().at("/problems/0/line").asInt()).isEqualTo(6);
        assertThat(action.body().at("/problems/0/message").asText()).contains("noSuchMethod()");
        assertThat(action.raw()).doesNotContain("Java source", "src/main/java", "execute()", "\\n");
        assertThat(Files.readString(Path.of(rulesDir).resolve("extra.drl"))).as("the file in force is kept").contains("never");

        Files.writeString(Path.of(rulesDir).resolve("broken.drl"), "package rules; rule \"y\" when Work( then end",
                StandardCharsets.UTF_8);
        Response reload = api.post("ops", "/api/admin/rules/reload", "");
        assertThat(reload.status()).isEqualTo(400);
        assertThat(reload.body().get("error").asText()).contains("broken.drl");
        // the rules in force still decide: an item due tomorrow is still reminded
        long planId = launch("公开预算执行情况。(责任单位:市乙局)9月底前");
        assertThat(sweep(fromDue(-1)).get("reminders").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.tasks("yi", planId)).hasSize(1);
        Files.delete(Path.of(rulesDir).resolve("broken.drl"));
        Response reloaded = api.post("ops", "/api/admin/rules/reload", "");
        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.body().get("files").toString()).contains("thresholds.drl.csv", "lookback.drl", "extra.drl");
    }
}
