package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import cn.duban.org.Contacts;
import cn.duban.org.OrgDirectory;

/**
 * Delivery as it runs on a node, on a database of its own: its own scheduler threads, a mail server that accepts
 * and never answers, and sends slower than the claim while another node delivers too.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:duban-outbox-delivery;DB_CLOSE_DELAY=-1",
        "duban.delivery-delay=PT0S", "duban.delivery-interval=PT0.2S", "duban.delivery-claim=PT2S",
        "duban.mail-connect-timeout-ms=1000", "duban.mail-read-timeout-ms=3000", "duban.mail-write-timeout-ms=3000",
        "duban.webhook.allow-http=true", "duban.webhook.allow-private=true"})
@ActiveProfiles("test")
@DirtiesContext
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a send without timeouts would hang the test
class OutboxDeliveryTest {

    /** A mail server that accepts connections and never says a word. */
    static ServerSocket silent;
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static final List<Instant> accepted = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                    accepted.add(Instant.now());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", silent::getLocalPort);
    }

    @AfterAll
    static void closeMailServer() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    /** Another scheduled task of the node, as the policy sync is: it ticks every 100 ms. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Ticker {
        final AtomicInteger ticks = new AtomicInteger();

        @Scheduled(fixedDelay = 100)
        void tick() {
            ticks.incrementAndGet();
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    OrgDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ticker ticker;

    private Map<String, Object> row(String key) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at from outbox where idempotency_key = ?")
                .param(key).query().singleRow();
    }


    /** Queues a message to the unit by mail only; when the scheduled delivery connected to the silent server with it. */
    private Instant mailSilently(String unit, String key) throws InterruptedException {
        directory.setContacts(unit, Contacts.of(List.of(unit + "@gov.test"), null, null, List.of(Contacts.Channel.EMAIL)));
        int before = accepted.size();
        outbox.send(unit, key, "主题", "正文");
        await("delivery to connect").atMost(Duration.ofSeconds(10)).until(() -> accepted.size() > before);
        return accepted.get(before);
    }

    @Test
    void aMailServerThatNeverAnswersFailsTheSendWithinTheTimeoutAndTheMessageWaitsForItsRetry() throws Exception {
        Instant connected = mailSilently("jia", "test:silent");
        String key = "test:silent:EMAIL";
        await("the send to fail").atMost(Duration.ofSeconds(15))
                .until(() -> row(key).get("LAST_ERROR") != null && !row(key).get("LAST_ERROR").toString().isEmpty());
        assertThat(Duration.between(connected, Instant.now())).as("the read timeout (3 s), not longer")
                .isLessThan(Duration.ofSeconds(6));
        Map<String, Object> failed = row(key);
        assertThat(failed.get("STATUS")).isEqualTo("PENDING");
        assertThat(failed.get("ATTEMPTS")).isEqualTo(1);
        assertThat(failed.get("LAST_ERROR").toString()).containsIgnoringCase("timed out");
        assertThat(((java.sql.Timestamp) failed.get("NEXT_ATTEMPT_AT")).toInstant()).as("retried later").isAfter(Instant.now());
    }

    @Test
    void aDeliveryHangingOnTheMailServerHoldsNoOtherScheduledTask() throws Exception {
        mailSilently("yi", "test:hanging");
        Thread deliverer = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> List.of(e.getValue()).stream().anyMatch(f -> f.getClassName().equals(OutboxDelivery.class.getName())))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no thread is delivering"));
        assertThat(deliverer.getName()).startsWith("outbox-");
        int ticks = ticker.ticks.get();
        Thread.sleep(1000); // the send waits for the silent server for 3 s
        assertThat(row("test:hanging:EMAIL").get("ATTEMPTS")).as("still sending").isEqualTo(0);
        assertThat(ticker.ticks.get() - ticks).as("the other task kept its pace").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSendSlowerThanTheClaimIsNotSentAgainByAnotherNode() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.setExecutor(Executors.newCachedThreadPool());
        robot.createContext("/robot", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(key);
            try {
                Thread.sleep(key.contains(":1:") ? 2500 : 1200); // the claim is 2 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        robot.start();
        try {
            directory.setContacts("bing", Contacts.of(List.of(), "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot",
                    Contacts.WebhookFormat.JSON, List.of(Contacts.Channel.WEBHOOK)));
            List<String> keys = List.of("test:slow:1:WEBHOOK", "test:slow:2:WEBHOOK", "test:slow:3:WEBHOOK", "test:slow:4:WEBHOOK");
            for (String key : keys) {
                outbox.send("bing", key.replace(":WEBHOOK", ""), "主题", "正文");
            }
            // this thread is the other node: it delivers what it finds due while the scheduled delivery sends
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.stream().anyMatch(k -> !"SENT".equals(row(k).get("STATUS"))) && System.nanoTime() < end) {
                delivery.deliverDue(Instant.now());
                Thread.sleep(100);
            }
            assertThat(keys).allMatch(k -> "SENT".equals(row(k).get("STATUS")));
            assertThat(received).as("each message sent once").containsExactlyInAnyOrderElementsOf(keys);
        } finally {
            robot.stop(0);
        }
    }
}
