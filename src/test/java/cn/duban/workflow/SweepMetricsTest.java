package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;
import cn.duban.rules.Remind;
import cn.duban.rules.WorkCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The metrics: a sweep is timed, its reminders counted by kind and its escalations by level, as many as it reports; /actuator/prometheus shows
 * them with the outbox's, the open tasks' and Spring's HTTP meters, to an operator only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SweepMetricsTest {

    /** Next year, so that the sweep day comes after today's launch. */
    private static final int YEAR = LocalDate.now().getYear() + 1;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    TestToday today;

    @Autowired
    WorkCalendar calendar;

    private long sweeps() {
        Timer timer = registry.find("duban.sweep").tag("outcome", "success").timer();
        return timer == null ? 0 : timer.count();
    }

    private Map<String, Double> reminders() {
        Map<String, Double> counts = new HashMap<>();
        for (String kind : Remind.KINDS) {
            Counter counter = registry.find("duban.sweep.reminders").tag("kind", kind).counter();
            counts.put(kind, counter == null ? 0 : counter.count());
        }
        return counts;
    }

    private double escalations(String level) {
        Counter counter = registry.find("duban.sweep.escalations").tag("level", level).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSweepIsTimedItsRemindersAndEscalationsCountedAndAnOperatorScrapesThem() {
        Api api = new Api(mvc);
        long plan = api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n一、测试\n1.公开统计数据。(责任单位:市甲局)9月底前\n");
        api.sign("jia", api.task("jia", plan, "EXECUTE", "jia"));
        long sweeps = sweeps();
        Map<String, Double> before = reminders();

        LocalDate dueSoon = LocalDate.of(YEAR, 9, 30);
        for (int left = 4; left > 0; ) {
            dueSoon = dueSoon.minusDays(1);
            left -= calendar.isWorkingDay(dueSoon) ? 1 : 0;
        }
        JsonNode swept = api.sweep(today, dueSoon);
        assertThat(swept.get("workingDay").asBoolean()).isTrue();
        assertThat(swept.get("reminders").asInt()).isPositive();
        assertThat(sweeps()).isEqualTo(sweeps + 1);
        Map<String, Double> after = reminders();
        int counted = 0;
        for (String kind : Remind.KINDS) {
            int reported = swept.at("/remindersByKind/" + kind).asInt(0);
            assertThat(after.get(kind) - before.get(kind)).as(kind).isEqualTo(reported);
            counted += reported;
        }
        assertThat(counted).as("every reminder the sweep reports is counted").isEqualTo(swept.get("reminders").asInt());

        JsonNode again = api.sweep(today, dueSoon);
        assertThat(again.get("reminders").asInt()).isZero();
        assertThat(sweeps()).as("the second run is timed too").isEqualTo(sweeps + 2);
        assertThat(reminders()).as("and counts nothing").isEqualTo(after);

        LocalDate overdue = calendar.nextWorkingDay(LocalDate.of(YEAR, 10, 1));
        double escalatedBefore = escalations("1");
        JsonNode late = api.sweep(today, overdue);
        assertThat(late.at("/escalationsByLevel/1").asInt()).as(late.toString()).isPositive();
        assertThat(escalations("1") - escalatedBefore).isEqualTo(late.at("/escalationsByLevel/1").asInt());

        Response scrape = api.call("ops", MockMvcRequestBuilders.get("/actuator/prometheus"));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.raw()).contains("duban_sweep_seconds_count{outcome=\"success\"}", "duban_outbox_messages{status=\"FAILED\"}",
                "duban_outbox_messages{status=\"PENDING\"}", "duban_outbox_messages{status=\"SENT\"}",
                "duban_sweep_escalations_total{level=\"1\"}", "duban_tasks_open{step=\"EXECUTE\"}", "duban_tasks_open{step=\"REVIEW\"}", "http_server_requests_seconds_count");

        Response anonymous = api.call(null, MockMvcRequestBuilders.get("/actuator/prometheus"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("error").asText()).isEqualTo("未登录或用户名、密码错误");
        assertThat(api.call("jia", MockMvcRequestBuilders.get("/actuator/prometheus")).status()).isEqualTo(403);
        assertThat(api.call("admin", MockMvcRequestBuilders.get("/actuator/prometheus")).status()).isEqualTo(403);
    }
}
