package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;

/**
 * The outbox in /actuator/health: a message given up on (FAILED) shows in the details and makes the outbox WARNING,
 * answered 200, and the node stays ready for traffic.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxHealthTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Response health(String user, String path) {
        return new Api(mvc).call(user, MockMvcRequestBuilders.get("/actuator/health" + path).accept(MediaType.APPLICATION_JSON));
    }

    @Test
    void failedMessagesShowInTheDetailsAsWarningWhileTheNodeStaysReady() {
        JsonNode before = health("ops", "/outbox").body();
        long failed = before.at("/details/failed").asLong();
        long pending = before.at("/details/pending").asLong();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into outbox (idempotency_key, unit_code, channel, recipient, subject, body, status, attempts, "
                        + "next_attempt_at, last_error, created_at) values (?, 'jia', 'WEBHOOK', 'https://hook.test', 'x', '{}', "
                        + "'FAILED', 8, ?, 'HTTP 500', ?)")
                .params("outbox-health-test", now, now).update();
        try {
            Response outbox = health("ops", "/outbox");
            assertThat(outbox.status()).as("WARNING is answered 200").isEqualTo(200);
            assertThat(outbox.body().get("status").asText()).isEqualTo("WARNING");
            assertThat(outbox.body().at("/details/failed").asLong()).isEqualTo(failed + 1);
            assertThat(outbox.body().at("/details/pending").asLong()).isEqualTo(pending);
            assertThat(outbox.body().at("/details/failedMessages").asText()).isEqualTo("/api/admin/outbox?status=FAILED");

            assertThat(health("ops", "").body().at("/components/outbox/status").asText()).isEqualTo("WARNING");

            Response readiness = health(null, "/readiness");
            assertThat(readiness.status()).as("a FAILED message does not take the node out of the load balancer").isEqualTo(200);
            assertThat(readiness.raw()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(health(null, "/outbox").status()).as("no components for anonymous").isEqualTo(404);
            assertThat(health("jia", "/outbox").status()).as("nor for a unit").isEqualTo(404);
        } finally {
            jdbc.sql("delete from outbox where idempotency_key = 'outbox-health-test'").update();
        }
        assertThat(health("ops", "/outbox").body().at("/details/failed").asLong()).isEqualTo(failed);
    }
}
