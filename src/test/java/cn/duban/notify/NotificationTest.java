package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import cn.duban.Api;
import cn.duban.TestToday;
import cn.duban.Api.Response;
import cn.duban.rules.WorkCalendar;
import cn.duban.workflow.DailySweep;
import jakarta.mail.internet.MimeMessage;

/**
 * Reminders reach the units: digests by mail and webhook, retries through an outage, urges (催办), the inbox. The
 * units' webhooks are this test's own http server on 127.0.0.1, which the webhook policy lets through only here.
 */
@SpringBootTest(properties = {"duban.webhook.allow-http=true", "duban.webhook.allow-private=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    DailySweep sweep;

    @Autowired
    TestToday today;

    Api api;
    HttpServer webhook;
    final List<String> posted = new CopyOnWriteArrayList<>();
    final List<String> keys = new CopyOnWriteArrayList<>();
    final AtomicInteger webhookStatus = new AtomicInteger(200);

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(mvc);
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/robot", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(webhookStatus.get(), -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void tearDown() {
        delivery.deliverDue(Instant.now().plus(Duration.ofDays(1))); // leave nothing pending for the next test
        webhook.stop(0);
    }

    /** The mail that reached one address. */
    private List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> to = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                to.add(m);
            }
        }
        return to;
    }

    /** The outbox row of one message to a unit. */
    private JsonNode outboxRow(String key) {
        for (JsonNode row : api.get("admin", "/api/admin/outbox?size=1000").body()) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no outbox row " + key);
    }

    private void contacts(String unit, String json) {
        Response r = api.call("admin", MockMvcRequestBuilders.put("/api/admin/units/" + unit + "/contacts")
                .contentType(MediaType.APPLICATION_JSON).content(json));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    }

    /** A year of its own, and a plan whose items are all due on 30 September of it. */
    private LocalDate launch(int yearsAhead, String... items) {
        int year = LocalDate.now().getYear() + yearsAhead;
        StringBuilder text = new StringBuilder("测试市" + year + "年政务公开工作要点\n一、测试\n");
        for (int i = 0; i < items.length; i++) {
            text.append(i + 1).append('.').append(items[i]).append('\n');
        }
        long planId = api.launchPlan(text.toString());
        // the units signed for their tasks (签收): only the due date's reminders go out
        api.tasks("admin", planId).stream().filter(t -> t.get("step").asText().equals("EXECUTE"))
                .forEach(t -> api.sign("admin", t.get("id").asText()));
        return LocalDate.of(year, 9, 30);
    }

    /** The working day with five working days left until {@code due}: the DUE_SOON reminder's day. */
    private LocalDate fiveBefore(LocalDate due) {
        LocalDate d = due;
        while (!(calendar.isWorkingDay(d) && calendar.workingDaysBetween(d, due) == 5)) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Test
    void aSweepSendsEachUnitOneDigestByMailAndByWebhook() throws Exception {
        contacts("geng", "{\"emails\":[\"geng@gov.test\"],\"channels\":[\"EMAIL\"]}");
        contacts("xin", "{\"webhookUrl\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/robot\","
                + "\"webhookFormat\":\"DINGTALK\",\"channels\":[\"WEBHOOK\"]}");
        LocalDate due = launch(3, "公开预算。(责任单位:市庚局)9月底前", "公开决算。(责任单位:市庚局)9月底前",
                "公开审计结果。(责任单位:市辛局)9月底前");
        LocalDate day = fiveBefore(due);
        today.set(day);
        api.post("admin", "/api/admin/sweep?date=" + day, "");
        api.post("admin", "/api/admin/sweep?date=" + day, "");
        delivery.deliverDue(Instant.now());
        delivery.deliverDue(Instant.now());

        MimeMessage[] received = mailTo("geng@gov.test").toArray(new MimeMessage[0]);
        assertThat(received).as("one digest for the unit").hasSize(1);
        String body = (String) received[0].getContent();
        assertThat(received[0].getSubject()).contains("督办提醒", String.valueOf(day));
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("geng@gov.test");
        assertThat(received[0].getMessageID()).contains("digest");
        assertThat(GreenMailUtil.getWholeMessage(received[0])).contains("Content-Type: text/plain; charset=UTF-8");

        List<String> xinPosts = new java.util.ArrayList<>();
        for (int i = 0; i < posted.size(); i++) {
            if (keys.get(i).contains(":xin:")) {
                xinPosts.add(posted.get(i));
            }
        }
        assertThat(xinPosts).hasSize(1);
        JsonNode robot = new ObjectMapper().readTree(xinPosts.get(0));
        assertThat(robot.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(robot.at("/markdown/text").asText()).contains("公开审计结果", "即将到期", "剩余 5 个工作日", "http://duban.test/items/")
                .doesNotContain("/api/items/");
        assertThat(keys).contains("digest:" + day + ":xin:WEBHOOK");

        List<JsonNode> inbox = inbox("geng", false);
        assertThat(inbox).as("two items due soon, and lagging: nobody reported progress").hasSize(4)
                .extracting(n -> n.get("kind").asText()).containsOnly("DUE_SOON", "LAGGING");
        assertThat(body).contains("1. ", "4. ", "公开预算", "公开决算");
        long first = inbox.get(0).get("id").asLong();
        assertThat(api.post("xin", "/api/notifications/" + first + "/read", "").status()).as("not xin's").isEqualTo(404);
        assertThat(api.post("geng", "/api/notifications/" + first + "/read", "").status()).isEqualTo(200);
        assertThat(inbox("geng", true)).hasSize(3);
    }

    @Test
    void remindersASecondSweepFindsTheSameDayGoOutInASecondDigestOnce() throws Exception {
        contacts("chou", "{\"emails\":[\"chou@gov.test\"],\"channels\":[\"EMAIL\"]}");
        LocalDate due = launch(8, "公开预算。(责任单位:市丑局)9月底前");
        LocalDate day = fiveBefore(due);
        sweep.run(day);
        delivery.deliverDue(Instant.now());
        assertThat(mailTo("chou@gov.test")).hasSize(1);

        launch(8, "公开新增事项。(责任单位:市丑局)9月底前"); // launched later that day: the next sweep finds its reminders
        sweep.run(day);
        sweep.run(day);
        delivery.deliverDue(Instant.now());
        delivery.deliverDue(Instant.now());

        List<MimeMessage> received = mailTo("chou@gov.test");
        assertThat(received).as("the first digest, then one with the new reminders").hasSize(2);
        String first = (String) received.get(0).getContent();
        String second = (String) received.get(1).getContent();
        assertThat(first).contains("公开预算").doesNotContain("公开新增事项");
        assertThat(second).contains("1. ", "2. ", "公开新增事项").doesNotContain("公开预算", "3. ");
        assertThat(received.get(1).getSubject()).contains("督办提醒", String.valueOf(day), "共 2 条");
        assertThat(outboxRow("digest:" + day + ":chou:EMAIL").get("status").asText()).isEqualTo("SENT");
        assertThat(outboxRow("digest:" + day + ":chou:2:EMAIL").get("status").asText()).isEqualTo("SENT");
        assertThat(inbox("chou", false)).as("each reminder recorded once").hasSize(4);
    }

    @Test
    void anSmtpOutageIsRetriedAndTheMessageArrivesOnce() throws Exception {
        contacts("ren", "{\"emails\":[\"ren@gov.test\"],\"channels\":[\"EMAIL\"]}");
        LocalDate due = launch(4, "公开采购信息。(责任单位:市壬局)9月底前");
        LocalDate day = fiveBefore(due);
        String key = "digest:" + day + ":ren:EMAIL";
        mail.stop();
        today.set(day);
        api.post("admin", "/api/admin/sweep?date=" + day, "");
        delivery.deliverDue(Instant.now());
        JsonNode pending = outboxRow(key);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);
        assertThat(pending.get("lastError").asText()).as("the failure stays visible").isNotBlank();
        delivery.deliverDue(Instant.now());
        assertThat(outboxRow(key).get("attempts").asInt()).as("not again before its back-off").isEqualTo(1);

        mail.start();
        delivery.deliverDue(Instant.now().plus(Duration.ofMinutes(5)));
        delivery.deliverDue(Instant.now().plus(Duration.ofHours(2)));
        assertThat(outboxRow(key).get("status").asText()).isEqualTo("SENT");
        assertThat(mailTo("ren@gov.test")).hasSize(1);
        assertThat(api.get("geng", "/api/admin/outbox").status()).isEqualTo(403);
    }

    @Test
    void aWebhookThatFailsKeepsItsMessageUntilItAccepts() {
        contacts("gui", "{\"webhookUrl\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/robot\","
                + "\"webhookFormat\":\"WECOM\",\"channels\":[\"WEBHOOK\"]}");
        LocalDate due = launch(5, "公开人事任免信息。(责任单位:市癸局)9月底前");
        LocalDate day = fiveBefore(due);
        String key = "digest:" + day + ":gui:WEBHOOK";
        webhookStatus.set(503);
        today.set(day);
        api.post("admin", "/api/admin/sweep?date=" + day, "");
        delivery.deliverDue(Instant.now());
        assertThat(outboxRow(key).get("lastError").asText()).contains("503");
        webhookStatus.set(200);
        delivery.deliverDue(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(outboxRow(key).get("status").asText()).isEqualTo("SENT");
        List<String> tries = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (key.equals(keys.get(i))) {
                tries.add(posted.get(i));
            }
        }
        assertThat(tries).as("the same message twice, under one key").hasSize(2).allMatch(p -> p.contains("\"content\""));
    }

    @Test
    void anUrgeGoesOutAtOnceAndAtMostOnceAnHourPerTask() throws Exception {
        contacts("zi", "{\"emails\":[\"zi@gov.test\"],\"channels\":[\"EMAIL\"]}");
        launch(6, "公开政策解读。(责任单位:市子局)9月底前");
        String task = api.tasks("zi", latestPlan()).get(0).get("id").asText();
        assertThat(api.post("zi", "/api/tasks/" + task + "/urge", "{\"note\":\"请尽快\"}").status()).isEqualTo(403);
        Response urged = api.post("leader", "/api/tasks/" + task + "/urge", "{\"note\":\"请本周内报送\"}");
        assertThat(urged.status()).isEqualTo(200);
        assertThat(urged.body().get("message").asText()).contains("催办", "请本周内报送", "完成时限", "http://duban.test/items/");
        Response again = api.post("admin", "/api/tasks/" + task + "/urge", "{\"note\":\"再催\"}");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body().get("error").asText()).contains("一小时");
        assertThat(inbox("zi", true)).anyMatch(n -> n.get("kind").asText().equals("URGE"));
        delivery.deliverDue(Instant.now());
        assertThat(mailTo("zi@gov.test")).hasSize(1);
        assertThat(mailTo("zi@gov.test").get(0).getSubject()).contains("催办");
        assertThat(api.post("leader", "/api/tasks/no-such-task/urge", "{}").status()).isEqualTo(404);
    }

    @Test
    void contactsAreValidatedAndForTheOfficeOnly() {
        Response bad = api.call("admin", MockMvcRequestBuilders.put("/api/admin/units/geng/contacts")
                .contentType(MediaType.APPLICATION_JSON).content("{\"emails\":[\"not an address\"],\"channels\":[\"EMAIL\"]}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("邮箱");
        assertThat(api.call("geng", MockMvcRequestBuilders.put("/api/admin/units/geng/contacts")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).status()).isEqualTo(403);
        assertThat(api.call("admin", MockMvcRequestBuilders.put("/api/admin/units/nope/contacts")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).status()).isEqualTo(404);
    }

    private long latestPlan() {
        return api.get("admin", "/api/plans").body().get(0).get("id").asLong();
    }

    private List<JsonNode> inbox(String user, boolean unread) {
        List<JsonNode> list = new java.util.ArrayList<>();
        api.get(user, "/api/notifications?unread=" + unread).body().forEach(list::add);
        return list;
    }
}
