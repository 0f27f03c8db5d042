package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A cluster as production runs it: nodes are the built jar ({@code target/duban.jar}) in their own JVMs, with job
 * executors and outbox delivery on, on one PostgreSQL database, behind no sticky sessions. First one node alone
 * sweeps 30 working days of a plan: that is the reference. Then two nodes sweep the same days of the same plan at
 * the same moments; one is killed ({@code kill -9}) in the middle of a sweep it has begun writing (held there by a
 * lock the test takes), the other finishes
 * the work, the killed node is started again and re-sweeps everything without adding anything. Notifications,
 * escalations, 督办 tasks, colours and the messages the units' webhooks received must equal the reference, with no
 * duplicates. Last, a node is killed in the middle of launching a large plan: nothing of the launch is left, and the
 * next start launches every item once. Runs when {@code DUBAN_PG_URL} names a PostgreSQL server.
 */
class ClusterIT {

    private static final Path JAR = Path.of("target/duban.jar").toAbsolutePath();
    private static final Path WORK = Path.of("target/cluster-it").toAbsolutePath();
    /** Last year: the sweep refuses days after today, and nobody reports here, so the days may all lie behind us. */
    private static final int YEAR = LocalDate.now().getYear() - 1;
    private static final List<String> UNITS = List.of("jia", "yi", "bing", "ding");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Node> nodes = new ArrayList<>();
    private Webhooks webhooks;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(System.getenv("DUBAN_PG_URL") != null,
                "DUBAN_PG_URL is not set: the cluster test needs a PostgreSQL server (.ci/run sets it)");
        assertThat(JAR).as("the cluster test runs the built jar (mvn verify packages it first)").exists();
        Files.createDirectories(WORK);
        webhooks = new Webhooks();
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(Node::kill);
        if (webhooks != null) {
            webhooks.server.stop(0);
        }
    }

    @Test
    void twoNodesSweepLikeOneSurviveAKillAndLaunchAllOrNothing() throws Exception {
        List<LocalDate> days = workingDays(LocalDate.of(YEAR, 9, 1), 30);
        Path org = org("org.yml");

        // the reference: one node alone
        String singleDb = TestDatabase.fresh("duban_cluster_single");
        Node single = start("single", singleDb, org);
        long plan = single.importPlan(plan(YEAR, 48));
        single.launch(plan);
        for (LocalDate day : days) {
            single.sweep(day);
        }
        awaitDelivered(singleDb);
        Snapshot expected = Snapshot.of(singleDb, plan, webhooks);
        single.kill();
        assertThat(expected.notifications).hasSizeGreaterThan(100);
        assertThat(expected.escalations).isNotEmpty();
        assertThat(expected.received.keySet()).anyMatch(k -> k.startsWith("digest:")).anyMatch(k -> k.startsWith("escalation:"));
        assertThat(expected.received.values()).allMatch(n -> n == 1);

        // the cluster: two nodes on one database, a session opened on one node serves on the other
        webhooks.received.clear();
        String clusterDb = TestDatabase.fresh("duban_cluster");
        Node a = start("a", clusterDb, org);
        Node b = start("b", clusterDb, org);
        assertThat(a.importPlan(plan(YEAR, 48))).isEqualTo(plan);
        b.launch(plan);
        String session = a.pageLogin("admin");
        assertThat(b.page("/dashboard", session).statusCode()).isEqualTo(200);

        // the day the reference wrote most, not the first days, is the one b dies in
        int killDay = days.indexOf(expected.busiestDay(days.subList(3, days.size())));
        Set<String> inFlight = Set.of();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (i < killDay) {
                CompletableFuture<Void> onB = b.sweepAsync(day);
                a.sweep(day);
                onB.join();
            } else if (i == killDay) {
                // b is stopped inside its sweep, the day's reminders decided, at its first digest: this test holds
                // the digests' outbox keys in a transaction of its own (b's insert waits on them), so the kill always
                // lands in the middle of a sweep however fast its writes are
                try (Connection hold = TestDatabase.connect(clusterDb)) {
                    hold.setAutoCommit(false);
                    holdDigests(hold, day);
                    CompletableFuture<Void> onB = b.sweepAsync(day);
                    waitFor(Duration.ofSeconds(60), () -> sweepHeldAtDigest(clusterDb, "b"), "node b inside its sweep of " + day);
                    assertThat(exists(clusterDb, "select 1 from notification where on_date = '" + day + "'"))
                            .as("b's reminders are not committed").isFalse();
                    CompletableFuture<Void> onA = a.sweepAsync(day); // waits for b's lock
                    inFlight = claimed(clusterDb);
                    b.kill();
                    hold.rollback();
                    onA.join();
                    assertThat(onB).isCompletedExceptionally();
                }
            } else {
                a.sweep(day);
            }
        }
        awaitDelivered(clusterDb);
        Snapshot cluster = Snapshot.of(clusterDb, plan, webhooks);
        System.out.printf("cluster test: %d notifications, %d escalations, %d messages on both runs; node b killed while "
                        + "writing its sweep of %s (%d messages claimed at that moment)%n", expected.notifications.size(),
                expected.escalations.size(), expected.received.size(), days.get(killDay), inFlight.size());
        cluster.assertSameAs(expected, inFlight);

        // the killed node's next start: the same state, and sweeping every day again adds nothing
        b = start("b", clusterDb, org);
        for (LocalDate day : days) {
            b.sweep(day);
        }
        awaitDelivered(clusterDb);
        Snapshot.of(clusterDb, plan, webhooks).assertSameAs(expected, inFlight);

        // kill -9 in the middle of a launch: all or nothing, and the next start launches it
        long big = a.importPlan(plan(YEAR + 1, 400));
        CompletableFuture<Void> launching = b.launchAsync(big);
        waitFor(Duration.ofSeconds(120), () -> launchWriting(clusterDb, "b"), "node b writing the launch");
        Thread.sleep(500);
        b.kill();
        assertThat(launching).failsWithin(Duration.ofSeconds(30));
        assertThat(query(clusterDb, "select status from plan where id = " + big)).containsExactly("IMPORTED");
        assertThat(query(clusterDb, "select count(*) from item where plan_id = " + big + " and status <> 'DRAFT'")).containsExactly("0");
        assertThat(query(clusterDb, "select count(*) from act_ru_execution e join item i on e.business_key_ = cast(i.id as varchar) "
                + "where i.plan_id = " + big)).containsExactly("0");
        assertThat(query(clusterDb, "select count(*) from item_event e join item i on i.id = e.item_id where i.plan_id = " + big
                + " and e.action <> 'IMPORTED'")).containsExactly("0");
        b = start("b", clusterDb, org);
        assertThat(b.launch(big).get("started").asInt()).isEqualTo(400);
        assertThat(query(clusterDb, "select count(distinct e.business_key_) || '/' || count(*) from act_ru_execution e "
                + "join item i on e.business_key_ = cast(i.id as varchar) where e.parent_id_ is null and i.plan_id = " + big))
                .containsExactly("400/400");

        // policy edited on one node is in force on the other: holidays at its next sweep, rule files within seconds
        LocalDate holiday = workingDays(LocalDate.of(YEAR, 3, 2), 1).get(0);
        assertThat(b.sweep(holiday).get("workingDay").asBoolean()).isTrue();
        a.put("/api/admin/holidays", "text/plain; charset=utf-8", a.get("/api/admin/holidays") + "\n" + holiday + ",HOLIDAY,集群测试\n");
        assertThat(b.sweep(holiday).get("workingDay").asBoolean()).isFalse();
        String rule = a.get("/api/admin/rules/reminders.drl") + "\n// edited on node a\n";
        a.put("/api/admin/rules/reminders.drl", "text/plain; charset=utf-8", rule);
        Node other = b;
        waitFor(Duration.ofSeconds(60), () -> rule.equals(other.getQuietly("/api/admin/rules/reminders.drl")), "the rule file on node b");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** What a run leaves: notifications, escalations, open tasks and items of the plan, outbox and webhook receipts. */
    record Snapshot(List<String> notifications, List<String> escalations, List<String> openTasks, List<String> items,
                    List<String> outbox, Map<String, Integer> received) {

        static Snapshot of(String db, long plan, Webhooks webhooks) throws SQLException {
            String ofPlan = " join item i on i.id = x.item_id where i.plan_id = " + plan;
            return new Snapshot(
                    query(db, "select i.number || ' ' || x.unit_code || ' ' || x.kind || ' ' || x.on_date from notification x" + ofPlan),
                    query(db, "select i.number || ' ' || x.unit_code || ' ' || x.level || ' ' || x.on_date from escalation x" + ofPlan),
                    query(db, "select i.number || ' ' || x.step || ' ' || coalesce(x.unit_code, '-') from open_task x" + ofPlan),
                    query(db, "select number || ' ' || status || ' ' || escalation_level || ' ' || coalesce(colour, '-') "
                            + "from item where plan_id = " + plan),
                    query(db, "select idempotency_key || ' ' || status from outbox"),
                    new TreeMap<>(webhooks.received));
        }

        /** The day with the most notifications among the given days. */
        LocalDate busiestDay(List<LocalDate> among) {
            Map<String, Long> perDay = notifications.stream().collect(Collectors.groupingBy(n -> n.substring(n.lastIndexOf(' ') + 1),
                    Collectors.counting()));
            return among.stream().max((x, y) -> Long.compare(perDay.getOrDefault(x.toString(), 0L),
                    perDay.getOrDefault(y.toString(), 0L))).orElseThrow();
        }

        /**
         * The same as the reference; a message may have reached its webhook twice only if the killed node held it
         * at the kill (sent, not yet marked sent: it is resent under the same idempotency key).
         */
        void assertSameAs(Snapshot expected, Set<String> inFlight) {
            assertThat(notifications).as("notifications").isEqualTo(expected.notifications);
            assertThat(escalations).as("escalations").isEqualTo(expected.escalations);
            assertThat(openTasks).as("open tasks").isEqualTo(expected.openTasks);
            assertThat(items).as("items").isEqualTo(expected.items);
            assertThat(outbox).as("outbox").isEqualTo(expected.outbox);
            assertThat(received.keySet()).as("messages received").isEqualTo(expected.received.keySet());
            received.forEach((key, times) -> assertThat(times == 1 || inFlight.contains(key))
                    .as(key + " received " + times + " times").isTrue());
        }
    }

    /** Sorted rows of a one-column query. */
    static List<String> query(String db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        Collections.sort(rows);
        return rows;
    }

    /** Writes, uncommitted, the outbox keys of every unit's digest of the day: a sweep queuing one waits. */
    private static void holdDigests(Connection hold, LocalDate day) throws SQLException {
        try (Statement st = hold.createStatement()) {
            for (String unit : UNITS) {
                for (String channel : List.of("WEBHOOK", "EMAIL")) {
                    st.executeUpdate("insert into outbox (idempotency_key, unit_code, channel, recipient, subject, body, status, "
                            + "next_attempt_at, created_at) values ('digest:" + day + ":" + unit + ":" + channel + "', '" + unit
                            + "', '" + channel + "', 'held', 'held', 'held', 'PENDING', current_timestamp, current_timestamp)");
                }
            }
        }
    }

    /** Node {@code name} is inside a daily sweep (it holds the sweep lock), waiting to queue a digest. */
    private static boolean sweepHeldAtDigest(String db, String name) {
        return exists(db, "select 1 from pg_stat_activity a join pg_locks l on l.pid = a.pid join pg_class c on c.oid = l.relation "
                + "where a.application_name = 'duban-" + name + "' and c.relname = 'sweep_lock' "
                + "and a.query like 'insert into outbox%' and a.wait_event_type = 'Lock'");
    }

    /** Node {@code name} is inside a transaction that has started writing process instances. */
    private static boolean launchWriting(String db, String name) {
        return exists(db, "select 1 from pg_stat_activity a where a.application_name = 'duban-" + name + "' "
                + "and a.backend_xid is not null and a.query ilike 'insert into ACT_%'");
    }

    /** Outbox messages some node holds at this moment. */
    private static Set<String> claimed(String db) throws SQLException {
        return new TreeSet<>(query(db, "select idempotency_key from outbox where status = 'PENDING' and claimed_until > current_timestamp"));
    }

    private static boolean exists(String db, String sql) {
        try {
            return !query(db, sql).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Every outbox message sent (none pending, none failed). */
    private static void awaitDelivered(String db) throws InterruptedException {
        waitFor(Duration.ofSeconds(90), () -> exists(db, "select 1 from (values (0)) v where not exists "
                + "(select 1 from outbox where status <> 'SENT')"), "the outbox to be delivered");
    }

    private static List<LocalDate> workingDays(LocalDate from, int count) {
        // Monday to Friday: a statutory holiday among them is swept as one (nothing happens), on every node alike
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }

    /** A plan of {@code n} items for the four units: fixed dates around the 30 days, quarterly and year-end work. */
    static String plan(int year, int n) {
        String[] deadlines = {"9月15日前", "9月底前", "每季度", "10月10日前", "年底前", "10月15日前完成", "9月20日前", "10月底前"};
        String[] units = {"(责任单位:市甲局)", "(牵头单位:市乙局;责任单位:市丙局、市丁局)", "(责任单位:市甲局、市乙局)",
                "(责任单位:市丁局)", "(责任单位:市丙局)"};
        StringBuilder text = new StringBuilder("测试市" + year + "年政务公开工作要点\n一、重点领域信息公开\n");
        for (int i = 1; i <= n; i++) {
            text.append(i).append(".公开第").append(i).append("类事项的办理情况。").append(units[i % units.length])
                    .append(deadlines[i % deadlines.length]).append('\n');
        }
        return text.toString();
    }

    /** The four units, each reading its messages on a webhook of this test. */
    private Path org(String name) throws IOException {
        StringBuilder yml = new StringBuilder("units:\n");
        String[] names = {"市甲局", "市乙局", "市丙局", "市丁局"};
        for (int i = 0; i < UNITS.size(); i++) {
            yml.append("  - { code: ").append(UNITS.get(i)).append(", name: ").append(names[i])
                    .append(", webhook: \"http://127.0.0.1:").append(webhooks.port()).append("/hook/").append(UNITS.get(i))
                    .append("\" }\n");
        }
        // admin is also the operator: the test edits a .drl file through it
        yml.append("users:\n  - { username: admin, name: 公开办, password: \"{noop}pw\", roles: [ADMIN, OPERATOR] }\n"
                + "  - { username: leader, name: 分管领导, password: \"{noop}pw\", roles: [SUPERVISOR] }\n");
        Path file = WORK.resolve(name);
        Files.writeString(file, yml.toString());
        return file;
    }

    private Node start(String name, String db, Path org) throws Exception {
        Node node = new Node(name, freePort(), db, org);
        nodes.add(node);
        node.awaitUp();
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One application instance: {@code java -jar target/duban.jar} in its own folder, log in target/cluster-it. */
    final class Node {

        final String name;
        final int port;
        final Process process;
        final Path log;

        Node(String name, int port, String db, Path org) throws IOException {
            this.name = name;
            this.port = port;
            Path dir = Files.createDirectories(WORK.resolve(name));
            log = WORK.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port, "--spring.profiles.active=postgres",
                    "--duban.org-file=" + org, "--duban.delivery-interval=PT1S", "--duban.delivery-delay=PT1S",
                    "--duban.delivery-claim=PT5S", "--duban.base-url=http://127.0.0.1:" + port,
                    "--duban.webhook.allow-http=true", "--duban.webhook.allow-private=true")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DUBAN_DB_URL", db + (db.contains("?") ? "&" : "?") + "ApplicationName=duban-" + name);
            builder.environment().put("DUBAN_DB_USER", TestDatabase.user());
            builder.environment().put("DUBAN_DB_PASSWORD", TestDatabase.password());
            process = builder.start();
        }

        void awaitUp() throws Exception {
            long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + name + " stopped while starting; see " + log);
                }
                try {
                    if (send("GET", "/api/me", null, null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("node " + name + " did not start within 3 minutes; see " + log);
                }
                Thread.sleep(250);
            }
        }

        /** kill -9. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long importPlan(String text) throws Exception {
            String boundary = UUID.randomUUID().toString();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> r = send("POST", "/api/plans/import", "multipart/form-data; boundary=" + boundary, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return JSON.readTree(r.body()).get("planId").asLong();
        }

        JsonNode launch(long plan) throws Exception {
            HttpResponse<String> r = send("POST", "/api/plans/" + plan + "/launch", null, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        CompletableFuture<Void> launchAsync(long plan) {
            return sendAsync("/api/plans/" + plan + "/launch");
        }

        JsonNode sweep(LocalDate day) throws Exception {
            HttpResponse<String> r = send("POST", "/api/admin/sweep?date=" + day, null, null);
            assertThat(r.statusCode()).as(name + " sweeping " + day + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = send("GET", path, null, null);
            assertThat(r.statusCode()).as(name + " " + path + ": " + r.body()).isEqualTo(200);
            return r.body();
        }

        String getQuietly(String path) {
            try {
                return get(path);
            } catch (Exception | AssertionError e) {
                return null;
            }
        }

        void put(String path, String type, String body) throws Exception {
            HttpResponse<String> r = send("PUT", path, type, body);
            assertThat(r.statusCode()).as(name + " " + path + ": " + r.body()).isEqualTo(200);
        }

        CompletableFuture<Void> sweepAsync(LocalDate day) {
            return sendAsync("/api/admin/sweep?date=" + day);
        }

        private CompletableFuture<Void> sendAsync(String path) {
            return http.sendAsync(request("POST", path, null, null), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                if (r.statusCode() != 200) {
                    throw new AssertionError(name + " " + path + ": " + r.statusCode() + " " + r.body());
                }
            });
        }

        /** Signs in on the login page; the session cookie. */
        String pageLogin(String user) throws Exception {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = cookie(form);
            String csrf = form.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Api.PASSWORD + "&_csrf=" + csrf))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return cookie(done).isEmpty() ? cookie : cookie(done);
        }

        HttpResponse<String> page(String path, String cookie) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String cookie(HttpResponse<?> response) {
            return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID=")).findFirst().orElse("");
        }

        private HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
            return http.send(request(method, path, type, body), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest request(String method, String path, String type, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("admin:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (type != null) {
                b.header("Content-Type", type);
            }
            return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    /** The units' webhooks: counts each message by its idempotency key. */
    static final class Webhooks {

        final HttpServer server;
        final Map<String, Integer> received = new ConcurrentHashMap<>();

        Webhooks() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                received.merge(exchange.getRequestHeaders().getFirst("Idempotency-Key"), 1, Integer::sum);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }
    }
}
