package cn.duban.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import cn.duban.Api;

/**
 * Many requests at once on a small connection pool: each request must need one connection at a time. Reading a
 * user once held a connection while asking for a second (a query inside a row mapper), and under load every
 * connection of the pool waited for another (found by the benchmark: 32 clients, requests timing out after 30 s).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:duban-pool;DB_CLOSE_DELAY=-1",
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=3000",
        "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConcurrentRequestsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void sixteenClientsOnTwoConnections() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String user = List.of("jia", "yi", "bing", "ding", "leader", "admin").get(i % 6);
                calls.add(clients.submit(() -> new Api(mvc).get(user, "/api/me").status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
        }
    }
}
