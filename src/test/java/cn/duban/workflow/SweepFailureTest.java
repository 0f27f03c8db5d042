package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;
import cn.duban.plan.PlanStore;
import cn.duban.rules.WorkCalendar;

/**
 * An item whose escalation cannot be carried out (its process instance suspended, as Cockpit does) is undone alone:
 * the other items escalate that day, the failure is audited, listed and in the sweep's result, and once the instance
 * is resumed the next sweep escalates it and resolves the failure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SweepFailureTest {

    /** A year of its own: no other test's items are due around its days. */
    private static final int YEAR = LocalDate.now().getYear() + 21;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    TestToday today;

    @Autowired
    PlanStore plans;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Test
    void aSuspendedInstanceFailsAloneIsRecordedAndEscalatesOnceResumed() {
        Api api = new Api(mvc);
        TwoItems plan = launch(api, YEAR, "jia", "yi");
        long planId = plan.id();
        long suspended = plan.suspended();
        long other = plan.other();

        LocalDate firstOverdue = workingDayAfter(LocalDate.of(YEAR, 9, 30));
        JsonNode failing = api.sweep(today, firstOverdue);
        assertThat(failing.get("escalations").asInt()).as("the other item escalates that day").isPositive();
        assertThat(failing.get("failures")).hasSize(1);
        assertThat(failing.at("/failures/0/itemId").asLong()).isEqualTo(suspended);
        assertThat(failing.at("/failures/0/number").asText()).isEqualTo("1");
        assertThat(failing.at("/failures/0/error").asText()).contains("未能升级", "escalate");

        assertThat(level(api, other)).isEqualTo(1);
        assertThat(supervise(api, planId)).containsExactly("yi");
        assertThat(level(api, suspended)).as("the failed escalation is undone").isZero();
        JsonNode item = api.get("admin", "/api/items/" + suspended).body();
        assertThat(item.get("history").toString()).doesNotContain("ESCALATED");
        assertThat(item.get("reminders").toString()).as("its reminders of the day stay").contains("OVERDUE")
                .doesNotContain("ESCALATED");
        assertThat(api.get("admin", "/api/items/" + other).body().get("reminders").toString()).contains("ESCALATED");
        assertThat(escalationRows(suspended)).as("its escalation row undone").isZero();
        assertThat(escalationRows(other)).isEqualTo(1);
        assertThat(api.get("admin", "/api/admin/audit?subject=item:" + suspended).body().toString())
                .contains("SWEEP_ITEM_FAILED", firstOverdue.toString());
        JsonNode open = api.get("admin", "/api/admin/sweep/failures").body();
        assertThat(open).hasSize(1);
        assertThat(open.at("/0/itemId").asLong()).isEqualTo(suspended);
        assertThat(open.at("/0/attempts").asInt()).isEqualTo(1);
        assertThat(open.get(0).hasNonNull("resolvedOn")).isFalse();
        assertThat(adminPage()).as("on the 管理 page").contains("巡检未能升级督办的事项", "第1项", "未能升级");

        runtime.activateProcessInstanceById(plan.instance());
        LocalDate next = workingDayAfter(firstOverdue);
        JsonNode retried = api.sweep(today, next);
        assertThat(retried.get("failures")).isEmpty();
        assertThat(retried.get("escalations").asInt()).isPositive();
        assertThat(level(api, suspended)).as("escalated the next day").isEqualTo(1);
        assertThat(escalationRows(suspended)).isEqualTo(1);
        assertThat(supervise(api, planId)).containsExactlyInAnyOrder("jia", "yi");
        assertThat(api.get("admin", "/api/admin/sweep/failures").body()).as("resolved").isEmpty();
        List<JsonNode> all = new ArrayList<>();
        api.get("admin", "/api/admin/sweep/failures?all=true").body().forEach(f -> {
            if (f.get("itemId").asLong() == suspended) {
                all.add(f);
            }
        });
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("resolvedOn").asText()).isEqualTo(next.toString());
        assertThat(all.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(adminPage()).doesNotContain("巡检未能升级督办的事项");
        assertThat(api.get("leader", "/api/admin/sweep/failures").status()).isEqualTo(403);
    }

    @Test
    void theMorningsSweepJobGoesAheadWithoutTheFailedItemToo() {
        Api api = new Api(mvc);
        int year = YEAR + 1;
        TwoItems plan = launch(api, year, "bing", "ding");
        long planId = plan.id();
        long suspended = plan.suspended();
        long other = plan.other();

        // the sweep as the daily-sweep process runs it every morning, inside its timer job
        LocalDate firstOverdue = workingDayAfter(LocalDate.of(year, 9, 30));
        today.set(firstOverdue);
        runSweepJob();
        assertThat(level(api, other)).isEqualTo(1);
        assertThat(level(api, suspended)).isZero();
        assertThat(supervise(api, planId)).containsExactly("ding");
        assertThat(api.get("admin", "/api/admin/sweep/failures").body().toString()).contains("\"itemId\":" + suspended);

        runtime.activateProcessInstanceById(plan.instance());
        today.set(workingDayAfter(firstOverdue));
        runSweepJob();
        assertThat(level(api, suspended)).isEqualTo(1);
        assertThat(supervise(api, planId)).containsExactlyInAnyOrder("bing", "ding");
        assertThat(api.get("admin", "/api/admin/sweep/failures").body().toString()).doesNotContain("\"itemId\":" + suspended);
    }

    /** A plan of the year with one item for each unit, due 30 September; the first item's instance suspended. */
    private record TwoItems(long id, long suspended, long other, String instance) {}

    private TwoItems launch(Api api, int year, String suspendedUnit, String otherUnit) {
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、测试\n1.公开审计整改情况。(责任单位:" + NAMES.get(suspendedUnit)
                + ")9月底前\n2.公开审计结果。(责任单位:" + NAMES.get(otherUnit) + ")9月底前\n");
        long suspended = itemOf(api, suspendedUnit, planId);
        String instance = plans.item(suspended).orElseThrow().processInstanceId();
        runtime.suspendProcessInstanceById(instance);
        return new TwoItems(planId, suspended, itemOf(api, otherUnit, planId), instance);
    }

    private static final Map<String, String> NAMES = Map.of("jia", "市甲局", "yi", "市乙局", "bing", "市丙局", "ding", "市丁局");

    private void runSweepJob() {
        Job job = management.createJobQuery().processDefinitionKey("daily-sweep").timers().list().get(0);
        management.executeJob(job.getId());
    }


    private String adminPage() {
        try {
            return mvc.perform(get("/admin").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long escalationRows(long item) {
        return jdbc.sql("select count(*) from escalation where item_id = ?").param(item).query(Long.class).single();
    }

    private static long itemOf(Api api, String unit, long planId) {
        return api.tasks(unit, planId).get(0).get("itemId").asLong();
    }

    private static int level(Api api, long item) {
        return api.get("admin", "/api/items/" + item).body().at("/item/escalationLevel").asInt();
    }

    /** The units of the plan's open 督办 tasks. */
    private static List<String> supervise(Api api, long planId) {
        return api.tasks("leader", planId).stream().filter(t -> t.get("step").asText().equals("SUPERVISE"))
                .map(t -> t.get("unit").asText()).toList();
    }

    private LocalDate workingDayAfter(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
