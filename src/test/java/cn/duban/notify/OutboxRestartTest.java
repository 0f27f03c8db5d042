package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.duban.DubanApplication;
import cn.duban.org.Contacts;
import cn.duban.org.OrgDirectory;
import cn.duban.plan.PlanService;
import cn.duban.rules.WorkCalendar;
import cn.duban.workflow.DailySweep;

/** The server stops after the sweep wrote its messages and before it sent them; the next start sends them once. */
class OutboxRestartTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String deliveryDelay) {
        return new SpringApplicationBuilder(DubanApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("duban"),
                "--duban.delivery-delay=" + deliveryDelay,
                "--duban.delivery-interval=PT1S");
    }

    @Test
    void messagesWrittenBeforeAStopAreSentOnceAfterTheStart() throws Exception {
        int year = LocalDate.now().getYear() + 7;
        LocalDate day;
        mail.stop(); // nothing is delivered before the stop, whatever the timing
        try (ConfigurableApplicationContext first = start("PT1H")) {
            first.getBean(OrgDirectory.class).setContacts("geng",
                    Contacts.of(java.util.List.of("geng@gov.test"), null, null, java.util.List.of(Contacts.Channel.EMAIL)));
            PlanService plans = first.getBean(PlanService.class);
            long planId = plans.importPlan(("测试市" + year + "年政务公开工作要点\n一、测试\n1.公开预算。(责任单位:市庚局)9月底前\n")
                    .getBytes(StandardCharsets.UTF_8), "p.txt", null, "admin").planId();
            plans.launch(planId, "admin");
            // the unit signed for its task (签收): only the due date's reminder goes out
            cn.duban.workflow.SupervisionTasks tasks = first.getBean(cn.duban.workflow.SupervisionTasks.class);
            cn.duban.org.UserAccount office = first.getBean(OrgDirectory.class).user("admin").orElseThrow();
            tasks.list(office, planId, cn.duban.workflow.Step.EXECUTE, null).forEach(t -> tasks.sign(t.id(), office));
            WorkCalendar calendar = first.getBean(WorkCalendar.class);
            LocalDate due = LocalDate.of(year, 9, 30);
            LocalDate d = due;
            while (!(calendar.isWorkingDay(d) && calendar.workingDaysBetween(d, due) == 5)) {
                d = d.minusDays(1);
            }
            day = d;
            DailySweep.Result result = first.getBean(DailySweep.class).run(day);
            assertThat(result.reminders()).isPositive();
        }
        mail.start();
        try (ConfigurableApplicationContext second = start("PT0S")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mail.getReceivedMessages().length == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2500); // a few more delivery rounds: nothing is sent twice
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(mail.getReceivedMessages()[0].getSubject()).contains(String.valueOf(day));
            Map<String, Object> row = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select status, attempts from outbox").query().singleRow();
            assertThat(row.get("STATUS")).isEqualTo("SENT");
        }
    }
}
