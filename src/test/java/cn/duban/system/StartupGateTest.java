package cn.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.duban.DubanApplication;

/**
 * The server listens before its start-up work is done: until then every request is answered 503 with Retry-After,
 * and sign-ins made then neither fail as unknown nor count toward the login limit; only the health probes answer, alive
 * but not ready. The start-up is held, before the directory is loaded, by a runner of this test.
 */
class StartupGateTest {

    /** Holds the start-up before every other runner until released. */
    static final class Hold implements ApplicationRunner, Ordered {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            reached.countDown();
            release.await(2, TimeUnit.MINUTES);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyRequestWaitsWith503UntilStartUpIsDone() throws Exception {
        Hold hold = new Hold();
        AtomicInteger port = new AtomicInteger();
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DubanApplication.class)
                .profiles("test")
                .initializers(ctx -> {
                    context.set(ctx);
                    ctx.getBeanFactory().registerSingleton("startupHold", hold);
                })
                .listeners((ApplicationListener<WebServerInitializedEvent>) e -> port.set(e.getWebServer().getPort()));
        // a database of its own (arguments win over the test profile's shared one)
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() -> builder.run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:startup-gate;DB_CLOSE_DELAY=-1"));
        try {
            assertThat(hold.reached.await(2, TimeUnit.MINUTES)).as("start-up reached the hold").isTrue();
            HttpResponse<String> api = get(port.get(), "/api/me", "admin", "pw");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(api.body()).isEqualTo("{\"error\":\"服务正在启动，请稍候再试\"}");
            for (int i = 0; i < 6; i++) {
                assertThat(get(port.get(), "/api/tasks", "admin", "wrong" + i).statusCode()).isEqualTo(503);
            }
            assertThat(get(port.get(), "/login", null, null).statusCode()).as("pages too").isEqualTo(503);
            assertThat(get(port.get(), "/camunda/app/", null, null).statusCode()).as("and Camunda's apps").isEqualTo(503);
            HttpResponse<String> readiness = get(port.get(), "/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).as("not ready: the load balancer sends nothing yet").isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
            HttpResponse<String> liveness = get(port.get(), "/actuator/health/liveness", null, null);
            assertThat(liveness.statusCode()).as("but alive: not to be restarted").isEqualTo(200);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(port.get(), "/actuator/health/readiness", "ops", "pw").body()).as("a probe signing in waits too")
                    .isEqualTo(StartupGate.BODY);
            assertThat(get(port.get(), "/actuator/prometheus", "ops", "pw").statusCode()).as("the rest waits").isEqualTo(503);
            JdbcClient jdbc = context.get().getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from login_failure").query(Integer.class).single())
                    .as("nothing counted toward the login limit").isZero();

            hold.release.countDown();
            started.get(2, TimeUnit.MINUTES);
            assertThat(get(port.get(), "/api/me", "admin", "pw").statusCode()).as("signed in once started").isEqualTo(200);
            readiness = get(port.get(), "/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).as("ready once started").isEqualTo(200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        } finally {
            hold.release.countDown();
            started.thenAccept(ConfigurableApplicationContext::close).get(2, TimeUnit.MINUTES);
        }
    }

    private HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
