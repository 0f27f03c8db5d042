package cn.duban.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.duban.DubanApplication;
import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanService;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.PlanParser;
import cn.duban.report.Statistics;
import cn.duban.workflow.DailySweep;

/**
 * The benchmark (bench/run): start-up, parser throughput, plan launch through the service against the bare engine,
 * the daily sweep against only reading its rows, and API latency under 32 concurrent clients — on a generated
 * province-scale organization and plans, in one JVM, on an H2 file database as the service runs by default and then,
 * when DUBAN_PG_URL names a PostgreSQL server, on a fresh PostgreSQL database as in production.
 */
public final class Bench {

    private static final Path WORK = Path.of("target/bench");
    private static final String PASSWORD = "bench";
    private static final int YEAR = LocalDate.now().getYear() + 1;

    /** Sizes: units, items per unit in one plan, plans launched in all (the sweep's big size is all of them). */
    private record Sizes(int units, int itemsPerUnit, int plans, int clients, int requestsPerClient, int statsPerClient,
                         int parseSeconds, int warmSeconds) {
        int perPlan() {
            return units * itemsPerUnit;
        }
    }

    /** A database the service part runs on: H2 as the service runs by default, or PostgreSQL as in production. */
    private record Database(String name, List<String> springArgs) {}

    private final Sizes sizes;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    /** Where put() writes: the top level (H2, start-up, parse), or the PostgreSQL run's own object. */
    private Map<String, Object> into = results;
    private String suffix = "";

    private Bench(Sizes sizes) {
        this.sizes = sizes;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Sizes sizes = quick ? new Sizes(50, 10, 10, 32, 10, 10, 3, 3) : new Sizes(500, 20, 10, 32, 100, 10, 15, 90);
        int status = 0;
        try {
            if (List.of(args).contains("--sweep-again")) {
                new Bench(sizes).sweepAgain();
            } else if (List.of(args).contains("--lookback-again")) {
                new Bench(sizes).lookBackAgain();
            } else {
                new Bench(sizes).run(quick);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run(boolean quick) throws Exception {
        Files.createDirectories(WORK);
        startup();
        parse();
        service(h2());
        String pg = System.getenv("DUBAN_PG_URL");
        if (pg != null && !pg.isBlank()) {
            into = new LinkedHashMap<>();
            results.put("postgres", into);
            suffix = ", PostgreSQL";
            service(postgres(pg));
        } else {
            System.out.println("DUBAN_PG_URL is not set: the PostgreSQL figures are left out");
        }
        results.put("quick", quick);
        results.put("sizes", Map.of("units", sizes.units(), "itemsPerPlan", sizes.perPlan(), "plans", sizes.plans(),
                "sweepSmall", sizes.perPlan(), "sweepBig", sizes.perPlan() * sizes.plans(), "clients", sizes.clients()));
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
        results.put("at", Instant.now().toString());
        Path out = Path.of("bench/results/latest.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results) + "\n");
        System.out.println();
        System.out.println("| measure | value | note |");
        System.out.println("|---|---:|---|");
        table.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
        System.out.println();
        System.out.println("Written: " + out);
    }

    /** A size as a key names it: 500, 5k, 100k (keys say what they measured, quick or full). */
    static String size(int n) {
        return n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    private void put(String key, double value, String label, String unit, String note) {
        double rounded = Math.round(value * 1000) / 1000.0;
        into.put(key, rounded);
        table.add(new String[] {label + suffix + " (`" + (into == results ? "" : "postgres.") + key + "`)", rounded + " " + unit, note});
        System.out.println(key + " = " + rounded + " " + unit + (note.isEmpty() ? "" : "  (" + note + ")"));
    }

    // ---- 5. start-up ------------------------------------------------------------------------------------------

    /**
     * The jar started as a user starts it (fresh in-memory database): seconds to the first page (the server answers
     * 503 until its start-up work is done), heap after a GC.
     */
    private void startup() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jar = List.of(java, "-Xmx1g", "-jar", "target/duban.jar", "--spring.datasource.url=jdbc:h2:mem:startup",
                "--duban.admin-password=" + PASSWORD);
        double first = started(jar, "startup-first", false);
        double second = started(jar, "startup", true);
        put("startup_first_s", first, "start-up to the first page, first start", "s", "java -jar, empty database");
        put("startup_s", second, "start-up to the first page, second start", "s", "the same again (files cached)");
        // Spring Boot's extracted layout (README, production): the libraries as plain jars, no nested-jar class loader
        Path extracted = WORK.resolve("extracted");
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", "target/duban.jar", "extract", "--force",
                "--destination", extracted.toString()).redirectErrorStream(true).redirectOutput(WORK.resolve("extract.log").toFile()).start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting the jar failed; see " + WORK.resolve("extract.log"));
        }
        List<String> flat = new ArrayList<>(jar);
        flat.set(flat.indexOf("target/duban.jar"), extracted.resolve("duban.jar").toString());
        started(flat, "startup-extracted-first", false);
        put("startup_extracted_s", started(flat, "startup-extracted", false), "start-up of the extracted jar, second start", "s",
                "java -Djarmode=tools -jar target/duban.jar extract, then java -jar of the extracted duban.jar");
        // the same starters (Camunda webapp and REST, security, Thymeleaf, web, JDBC on H2) and the same rule files
        // compiled, without a class of ours, packed and started as duban is (bench/run builds target/bench/bare.jar):
        // what the platform costs on this machine
        List<String> bare = List.of(java, "-Xmx1g", "-jar", WORK.resolve("bare.jar").toString(),
                "--spring.datasource.url=jdbc:h2:mem:bare", "--spring.flyway.enabled=false"); // our migrations are ours
        started(bare, "startup-bare-first", false);
        double platform = started(bare, "startup-bare", false);
        put("startup_bare_s", platform, "bare Spring Boot + Camunda + Drools start-up, second start", "s",
                "bench/src/cn/duban/bench/bare: no code of ours");
        put("startup_ratio", second / platform, "start-up / bare start-up", "", "second starts of both");
    }

    /**
     * Starts {@code command} on a free port and times it to its first page (/login answering 200: the server answers
     * 503 until its start-up work is done); {@code heap}: also the heap used after a GC.
     */
    private double started(List<String> command, String name, boolean heap) throws Exception {
        int port = freePort();
        Path log = WORK.resolve(name + ".log");
        List<String> args = new ArrayList<>(command);
        args.add("--server.port=" + port);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + ": the server stopped while starting; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50); // listening but still starting (503) or not listening yet
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (heap) {
                jcmd(p.pid(), "GC.run");
                java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd(p.pid(), "GC.heap_info"));
                if (used.find()) {
                    put("heap_after_start_mb", Long.parseLong(used.group(1)) / 1024.0, "heap used after start (after a GC)", "MB", "");
                }
            }
            return seconds;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // ---- 3. parse ---------------------------------------------------------------------------------------------

    private void parse() throws Exception {
        Path corpus = Path.of(System.getenv().getOrDefault("DUBAN_CORPUS", "../shared/seeds"));
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        long bytes = 0;
        for (int warm = 0; warm < 3; warm++) {
            seeds.forEach(s -> PlanParser.parse(s, YEAR));
        }
        long start = System.nanoTime();
        long end = start + sizes.parseSeconds() * 1_000_000_000L;
        int passes = 0;
        while (System.nanoTime() < end) {
            for (byte[] s : seeds) {
                PlanParser.parse(s, YEAR);
                bytes += s.length;
            }
            passes++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        put("parse_mb_s", bytes / 1e6 / seconds, "parser throughput", "MB/s",
                seeds.size() + " seed documents × " + passes + " passes");
        parseCommand(corpus);
        parsePdf();
    }

    /**
     * {@code java -jar target/duban.jar parse SEED} as a user runs it, a new JVM each time: the slowest seed's wall
     * time (each seed's median of three runs, so that one run slowed by the machine does not stand for the seed).
     */
    private void parseCommand(Path corpus) throws Exception {
        double slowest = 0;
        String which = "";
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path seed : files.sorted().toList()) {
                double seconds = parseCommandSeconds(seed);
                if (seconds > slowest) {
                    slowest = seconds;
                    which = seed.getFileName().toString();
                }
            }
        }
        put("parse_cli_s", slowest, "java -jar duban.jar parse on a seed (slowest)", "s",
                which + ", a new JVM per run, median of 3. Target (issue 18): < 1 s");
    }

    /** The median wall time of three runs of {@code java -jar target/duban.jar parse FILE}. */
    private static double parseCommandSeconds(Path file) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/duban.jar", "parse", "--year=" + YEAR, file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("parse " + file + " exited with " + p.exitValue());
            }
            runs.add((System.nanoTime() - start) / 1e9);
        }
        return median(runs);
    }

    /** A generated 100-page PDF plan (running header, page numbers), parsed by the command line as a user runs it. */
    private void parsePdf() throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        if (!Files.isReadable(font)) {
            System.out.println("parse_pdf_100p_s left out: no CJK font at " + font + " (apt-get install fonts-wqy-microhei)");
            return;
        }
        byte[] pdf;
        int items = 0;
        try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(font.toFile());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font cjk = PDType0Font.load(doc, fonts.getFontByName("WenQuanYiMicroHei"), true);
            for (int n = 1; n <= 100; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                List<String> lines = new ArrayList<>(List.of("基准市人民政府办公室文件", n == 1 ? "基准市" + YEAR + "年政务公开工作要点" : ""));
                while (lines.size() < 34) { // an item over four lines: 800 in all
                    items++;
                    lines.add(items + ".推进第" + items + "项重点领域信息公开,完善主动公开目录,");
                    lines.add("细化公开内容和时限要求,加强政策解读和回应关切,");
                    lines.add("扩大公众参与。(牵头单位:基准市第" + (items % 40 + 1) + "局;责任单位:各区");
                    lines.add("人民政府)" + (items % 12 + 1) + "月底前");
                }
                lines.add("- " + n + " -");
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    for (int k = 0; k < lines.size(); k++) {
                        text.beginText();
                        text.setFont(cjk, 12);
                        text.newLineAtOffset(72, 800 - k * 22);
                        text.showText(lines.get(k));
                        text.endText();
                    }
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        int parsed = PlanParser.parse(pdf, YEAR).items().size();
        Path file = Files.write(Path.of("target/bench/plan-100p.pdf"), pdf);
        put("parse_pdf_100p_s", parseCommandSeconds(file), "java -jar duban.jar parse on a 100-page PDF", "s",
                parsed + " of " + items + " items read, " + pdf.length / 1000 + " kB; a new JVM per run, median of 3."
                        + " Target (issue 18): < 5 s");
    }

    // ---- 1, 2, 4: the service in this JVM ---------------------------------------------------------------------

    /** A fresh database duban_bench on the PostgreSQL server of {@code url} (as the tests take it: DUBAN_PG_URL). */
    private static Database postgres(String url) throws Exception {
        String user = System.getenv().getOrDefault("DUBAN_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("DUBAN_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("drop database if exists duban_bench with (force)");
            st.execute("create database duban_bench");
        }
        return keptPostgres(url);
    }

    /** The PostgreSQL database the last run left, as it is. */
    private static Database keptPostgres(String url) {
        String user = System.getenv().getOrDefault("DUBAN_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("DUBAN_PG_PASSWORD", "");
        return new Database("PostgreSQL", List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url.replaceFirst("/[^/?]*(\\?|$)", "/duban_bench$1"),
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
    }

    /**
     * {@code bench/run --sweep-again}: the next day's sweep and its floor, five times each, on the databases the last
     * full run left (H2 under target/bench/db; PostgreSQL's duban_bench when DUBAN_PG_URL is set) with the code as it
     * is now: a change to the sweep measured in minutes, not in a whole run. Writes no results file.
     */
    private void sweepAgain() throws Exception {
        int open = sizes.perPlan() * sizes.plans();
        again(ctx -> floor(sweep("sweep_quiet_" + size(open), "next day's sweep", ctx,
                workingDayBefore(LocalDate.of(YEAR, 9, 30), 2), open, 5)));
    }

    /**
     * {@code bench/run --lookback-again}: the look-back launch three times on each database the last full run left,
     * each time with two plan years after the latest the database holds. Writes no results file.
     */
    private void lookBackAgain() throws Exception {
        again(ctx -> {
            PlanStore store = ctx.getBean(PlanStore.class);
            for (int run = 0; run < 3; run++) {
                lookBack(ctx.getBean(PlanService.class), store, store.plans().stream().mapToInt(PlanRecord::year).max().orElse(YEAR) + 1);
            }
        });
    }

    /** Measures on each database the last full run left (H2 under target/bench/db; PostgreSQL's duban_bench). */
    private void again(java.util.function.Consumer<ConfigurableApplicationContext> measure) throws Exception {
        if (!Files.exists(WORK.resolve("db/duban.mv.db"))) {
            throw new IllegalStateException("no database of a full run under " + WORK + "/db: run bench/run first");
        }
        List<Database> kept = new ArrayList<>(List.of(h2()));
        String pg = System.getenv("DUBAN_PG_URL");
        if (pg != null && !pg.isBlank()) {
            kept.add(keptPostgres(pg));
        }
        for (Database db : kept) {
            try (ConfigurableApplicationContext ctx = start(db)) {
                suffix = ", " + db.name();
                measure.accept(ctx);
            }
        }
    }

    private static Database h2() {
        return new Database("H2", List.of("--spring.datasource.url=jdbc:h2:file:./" + WORK.resolve("db/duban")));
    }

    /** The service on a database, as the benchmark runs it. */
    private ConfigurableApplicationContext start(Database db) throws Exception {
        Path org = WORK.resolve("org.yml");
        Files.writeString(org, org());
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--duban.org-file=" + org.toAbsolutePath(),
                "--duban.delivery-interval=PT1H", "--logging.level.root=WARN", "--logging.level.cn.duban=WARN",
                "--spring.main.banner-mode=off"));
        args.addAll(db.springArgs());
        return new SpringApplication(DubanApplication.class).run(args.toArray(String[]::new));
    }

    private void service(Database db) throws Exception {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = start(db);
        System.out.printf("service started on %s in %.1f s%n", db.name(), (System.nanoTime() - t0) / 1e9);
        try {
            PlanService plans = ctx.getBean(PlanService.class);
            PlanStore store = ctx.getBean(PlanStore.class);
            RuntimeService runtime = ctx.getBean(RuntimeService.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            DailySweep sweep = ctx.getBean(DailySweep.class);
            byte[] text = plan().getBytes(StandardCharsets.UTF_8);

            List<Double> service = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            LocalDate due = LocalDate.of(YEAR, 9, 30);
            for (int i = 0; i < sizes.plans(); i++) {
                long planId = plans.importPlan(text, "bench.txt", YEAR, "admin").planId();
                List<Item> items = store.items(planId);
                if (items.size() != sizes.perPlan()) {
                    throw new IllegalStateException("the generated plan gave " + items.size() + " items, not " + sizes.perPlan());
                }
                long start = System.nanoTime();
                if (i % 2 == 0) {
                    plans.launch(planId, "admin");
                    service.add(items.size() / ((System.nanoTime() - start) / 1e9));
                } else {
                    Map<Long, String> instances = tx.execute(s -> {
                        Map<Long, String> started = new LinkedHashMap<>();
                        for (Item item : items) {
                            started.put(item.id(), runtime.startProcessInstanceByKey(PlanService.PROCESS, String.valueOf(item.id()),
                                    Map.of("itemId", item.id())).getId());
                        }
                        return started;
                    });
                    bare.add(items.size() / ((System.nanoTime() - start) / 1e9));
                    tx.executeWithoutResult(s -> instances.forEach(store::launched));
                }
                // the units sign for their tasks (签收) the day they open, as ontime units do: the sweep measured is
                // the one of reminders and colours, not of thousands of 逾期未签收 escalations
                ctx.getBean(JdbcClient.class).sql("update open_task set signed_by = 'bench', signed_at = current_timestamp "
                        + "where signed_by is null").update();
                settle(ctx, db);
                System.out.printf("plan %d of %d launched (%s): %.0f items/s%n", i + 1, sizes.plans(), i % 2 == 0 ? "service" : "bare engine",
                        i % 2 == 0 ? service.get(service.size() - 1) : bare.get(bare.size() - 1));
                if (i == 0) {
                    floor(sweep("sweep_" + size(sizes.perPlan()), "daily sweep", ctx, workingDayBefore(due, 4), sizes.perPlan(), 1));
                }
            }
            double launch = mean(service);
            double launchBare = mean(bare);
            put("launch_per_s", launch, "launch through the service", "items/s",
                    service.size() + " plans of " + sizes.perPlan() + " items, " + sizes.units() + " units, one transaction each");
            put("launch_bare_per_s", launchBare, "bare engine starting the same BPMN", "items/s",
                    bare.size() + " plans, startProcessInstanceByKey with the same variables, one transaction each");
            put("launch_ratio", launch / launchBare, "service / bare engine", "", "1.0 = no cost over the engine");
            int open = sizes.perPlan() * sizes.plans();
            Swept busy = sweep("sweep_" + size(open), "daily sweep", ctx, workingDayBefore(due, 3), open, 1);
            settle(ctx, db);
            // the next working day: the lagging reminders went out yesterday and no colour changes, so the rules
            // decide nothing new: what the sweep costs over its floor when it has nothing to write
            Swept quiet = sweep("sweep_quiet_" + size(open), "next day's sweep", ctx, workingDayBefore(due, 2), open, 3);
            // the floors' writes after both sweeps, each on a settled database: a scratch copy of item made and
            // dropped between them slowed the next day's sweep (H2: 1.6-2.0 s became 3.9-4.1 s), and a write just
            // after the busy day's own 180,000 rows was slowed by them (longer than the whole sweep)
            for (Swept swept : List.of(busy, quiet)) {
                settle(ctx, db);
                floor(swept);
            }
            settle(ctx, db);
            dashboard(ctx, store);
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            api(port);
            // a plan the service launched (the bare engine's plans stay previews): the page the offices open all year
            planPage(port, store.plans().stream().filter(p -> p.status() == PlanRecord.Status.LAUNCHED).findFirst()
                    .orElseThrow().id(), sizes.perPlan());
            ledger(port, open);
            storage(ctx, db, open);
            lookBack(plans, store, YEAR + 5);
            if (db.name().equals("PostgreSQL")) {
                put("db_size_mb", ctx.getBean(JdbcClient.class).sql("select pg_database_size(current_database())")
                        .query(Long.class).single() / 1e6, "database size", "MB", "every table and index, at the end");
            }
        } finally {
            ctx.close();
        }
        Path h2 = WORK.resolve("db/duban.mv.db");
        if (db.name().equals("H2") && Files.exists(h2)) {
            put("db_size_mb", Files.size(h2) / 1e6, "database size", "MB", "the H2 file at the end, after it is closed");
        }
    }

    /**
     * On PostgreSQL, what autovacuum does after a bulk change (this machine's server runs with autovacuum off, a
     * production server does it on its own): without statistics the planner takes a 200-row task list for one row.
     * H2 analyzes its tables itself as rows change.
     */
    private static void settle(ConfigurableApplicationContext ctx, Database db) {
        if (db.name().equals("PostgreSQL")) {
            ctx.getBean(JdbcClient.class).sql("vacuum analyze").update();
        }
    }

    /**
     * One dashboard computed from the database, as a caller gets it when no recent one of its scope is kept (the API
     * serves one computation to every caller of a scope for duban.dashboard-max-age): the best of three.
     */
    private void dashboard(ConfigurableApplicationContext ctx, PlanStore store) {
        Statistics fresh = new Statistics(ctx.getBean(JdbcClient.class), store, Duration.ZERO);
        UserAccount admin = ctx.getBean(OrgDirectory.class).user("admin").orElseThrow();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            fresh.dashboard(admin, null, LocalDate.now());
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        put("dashboard_compute_ms", best, "one dashboard computed afresh", "ms", "every plan, as the office sees it; best of 3");
    }

    /**
     * Times the sweep of a day and, just before it, the read parts of its floor: what the sweep cannot avoid, each part
     * done bare in the same database — reading the rows it reads, the rules evaluating the same facts in a fresh
     * session — and decides the floor's batched write of as many reminder rows and colour changes as the rules
     * decide, into scratch tables of the same shape, which {@link #floor} makes and times. A day whose sweep writes
     * nothing new (the next day's) is swept {@code runs} times, each after its floor's read and rules, and each part
     * is its median: a single sweep of 200,000 facts varied by half between runs, with the young collections that
     * fell in it (0.1-0.6 s each on this machine's two cores). Each part is timed from a collected heap
     * ({@code System.gc()} before it), the sweep with none of its floor's facts or decisions still referenced.
     */
    private Swept sweep(String key, String label, ConfigurableApplicationContext ctx, LocalDate day, int open, int runs) {
        DailySweep sweep = ctx.getBean(DailySweep.class);
        cn.duban.rules.RuleBase rules = ctx.getBean(cn.duban.rules.RuleBase.class);
        sweep.read(day); // warm
        List<Double> reads = new ArrayList<>();
        List<Double> evaluations = new ArrayList<>();
        List<Double> sweeps = new ArrayList<>();
        int rows = 0;
        int facts = 0;
        BareWrite bare = null;
        DailySweep.Result result = null;
        int colours = 0;
        for (int run = 0; run < runs; run++) {
            System.gc();
            long start = System.nanoTime();
            rows = sweep.read(day);
            reads.add((System.nanoTime() - start) / 1e9);
            List<Object> dayFacts = sweep.facts(day);
            facts = dayFacts.size();
            System.gc();
            start = System.nanoTime();
            cn.duban.rules.RuleBase.Outcome outcome = rules.evaluate(dayFacts);
            evaluations.add((System.nanoTime() - start) / 1e9);
            dayFacts = null;
            colours = outcome.colours().size();
            if (bare == null) {
                bare = bareWrite(ctx, day, outcome);
            }
            outcome = null;
            // the sweep starts as its floor's parts did, from a collected heap, without their facts and decisions
            // still live: held over it, the floor's 200,000 facts were copied by every young collection in the sweep
            System.gc();
            start = System.nanoTime();
            result = sweep.run(day);
            sweeps.add((System.nanoTime() - start) / 1e9);
            if (run > 0 && result.reminders() + result.escalations() > 0) {
                throw new IllegalStateException(label + " wrote again on run " + (run + 1) + ": it is not a day to repeat");
            }
        }
        double seconds = median(sweeps);
        put(key + "_s", seconds, label + " over " + open + " open items", "s", result.reminders() + " reminders, "
                + result.escalations() + " escalations, " + colours + " colours decided"
                + (runs > 1 ? String.format("; median of %d runs (%.3f-%.3f s)", runs, java.util.Collections.min(sweeps),
                java.util.Collections.max(sweeps)) : ""));
        return new Swept(key, label, seconds, rows, median(reads), facts, median(evaluations), bare);
    }

    /** A sweep timed, with its floor's read and rules; {@link Bench#floor} times its write. */
    private record Swept(String key, String label, double seconds, int rows, double read, int facts, double evaluate,
                         BareWrite bare) {}

    /** Times a sweep's floor's write and gives {@code key_floor_s} and the ratio {@code key_floor_ratio}. */
    private void floor(Swept s) {
        double write = s.bare().seconds();
        double floor = s.read() + s.evaluate() + write;
        put(s.key() + "_floor_s", floor, s.label() + "'s floor", "s", String.format("read %d rows %.3f s + rules on %d facts "
                + "%.3f s + batched write %.3f s", s.rows(), s.read(), s.facts(), s.evaluate(), write));
        put(s.key() + "_floor_ratio", s.seconds() / floor, s.label() + " / its floor", "", "1.0 = nothing over what cannot be avoided");
    }

    /**
     * One batched write of the outcome's reminder rows and colour changes, committed, into scratch tables shaped as
     * ours (the same columns, keys, reference to item and indexes; the colours into a copy of item). The rows are
     * decided from the database as it is now (the reminder keys it holds, the colours the items have); {@link
     * BareWrite#seconds} makes the tables, times the write and drops them.
     */
    private static BareWrite bareWrite(ConfigurableApplicationContext ctx, LocalDate day, cn.duban.rules.RuleBase.Outcome outcome) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        java.sql.Date date = java.sql.Date.valueOf(day);
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        // as the sweep writes them: each new reminder key once, and only the colours that change
        java.util.Set<String> known = new java.util.HashSet<>(jdbc.queryForList(
                "select dedupe_key from notification where on_date = ?", String.class, date));
        Map<String, Object[]> reminders = new LinkedHashMap<>();
        outcome.reminders().forEach(r -> {
            String key = "remind:" + r.itemId() + ":" + r.unit() + ":" + r.kind() + ":" + day;
            if (!known.contains(key)) {
                reminders.putIfAbsent(key, new Object[] {r.itemId(), r.unit(), r.kind(), date, "【" + r.kind() + "】第"
                        + r.itemNumber() + "项「公开第" + r.itemNumber() + "项工作的办理情况」, 完成时限 " + day
                        + ", 剩余 3 个工作日, 链接 http://localhost/items/" + r.itemId(), key, null, "system", now,
                        "digest:" + day + ":" + r.unit()});
            }
        });
        Map<Long, String> current = new java.util.HashMap<>();
        jdbc.query("select id, colour from item where status = 'OPEN'", rs -> {
            current.put(rs.getLong(1), rs.getString(2));
        });
        Map<Long, cn.duban.rules.Colour.Shade> shades = new java.util.HashMap<>();
        outcome.colours().forEach(c -> shades.merge(c.itemId(), c.shade(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
        List<Object[]> colours = shades.entrySet().stream().filter(e -> !e.getValue().name().equals(current.get(e.getKey())))
                .map(e -> new Object[] {e.getValue().name(), e.getKey()}).toList();
        return new BareWrite(ctx, List.copyOf(reminders.values()), colours);
    }

    /** The rows of {@link #bareWrite}, to be written. */
    private record BareWrite(ConfigurableApplicationContext ctx, List<Object[]> reminders, List<Object[]> colours) {

        /** Makes the scratch tables, writes the rows in one committed transaction (timed) and drops the tables. */
        double seconds() {
            org.springframework.jdbc.core.JdbcTemplate jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            jdbc.execute("drop table if exists bench_notification");
            jdbc.execute("drop table if exists bench_item");
            // the same columns, keys, references and indexes as notification (V1, V7, V14, V15) and item (V1, V5)
            jdbc.execute("create table bench_notification (id bigint generated by default as identity primary key, "
                    + "item_id bigint not null references item (id) on delete cascade, unit_code varchar(50) not null, "
                    + "kind varchar(30) not null, on_date date not null, message varchar(4000) not null, "
                    + "dedupe_key varchar(200) not null unique, task_id varchar(64), created_by varchar(100) not null, "
                    + "created_at timestamp not null, read_at timestamp, digest_key varchar(300))");
            jdbc.execute("create index bench_notification_unit on bench_notification (unit_code, on_date)");
            jdbc.execute("create index bench_notification_item on bench_notification (item_id, unit_code, kind, on_date)");
            jdbc.execute("create index bench_notification_task on bench_notification (task_id, kind)");
            jdbc.execute("create index bench_notification_day on bench_notification (on_date, kind)");
            jdbc.execute("create table bench_item as select * from item");
            jdbc.execute("alter table bench_item alter column id set not null");
            jdbc.execute("alter table bench_item add primary key (id)");
            jdbc.execute("create index bench_item_plan on bench_item (plan_id, seq)");
            jdbc.execute("create index bench_item_status on bench_item (status, plan_id)");
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.batchUpdate("insert into bench_notification (item_id, unit_code, kind, on_date, message, dedupe_key, task_id, "
                        + "created_by, created_at, digest_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reminders);
                jdbc.batchUpdate("update bench_item set colour = ? where id = ?", colours);
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            jdbc.execute("drop table bench_notification");
            jdbc.execute("drop table bench_item");
            return seconds;
        }
    }

    private static LocalDate workingDayBefore(LocalDate due, int days) {
        LocalDate d = due;
        for (int left = days; left > 0; ) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    /**
     * The plan page (/plans/{id}) of a plan of {@code items} items as the office opens it in a browser (signed in by
     * the login form, the session kept), under the same concurrent clients as the API.
     */
    private void planPage(int port, long planId, int items) throws Exception {
        String cookie = session(port, "admin");
        latency(port, "plan_page_" + size(items), sizes.statsPerClient(), i -> cookie, "/plans/" + planId,
                "the office's plan page of " + items + " items, signed in");
    }

    /** The login form as a browser sends it: the session cookie it ends with. */
    private static String session(int port, String user) throws Exception {
        HttpURLConnection form = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/login").toURL().openConnection();
        String page = new String(form.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String cookie = form.getHeaderField("Set-Cookie").split(";")[0];
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpURLConnection login = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/login").toURL().openConnection();
        login.setInstanceFollowRedirects(false);
        login.setRequestMethod("POST");
        login.setDoOutput(true);
        login.setRequestProperty("Cookie", cookie);
        login.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        login.getOutputStream().write(("username=" + user + "&password=" + PASSWORD + "&_csrf="
                + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        if (login.getResponseCode() != 302 || String.valueOf(login.getHeaderField("Location")).contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + login.getResponseCode());
        }
        String renewed = login.getHeaderField("Set-Cookie");
        return renewed == null ? cookie : renewed.split(";")[0];
    }

    /**
     * The office's ledger workbook over every launched plan ({@code open} items), as downloaded: seconds, and the heap's
     * peak while it is built (the JVM's heap pools' peak since a GC just before: garbage not yet collected included,
     * so an upper bound).
     */
    private void ledger(int port, int open) throws Exception {
        List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        // the heap in use just after each collection while it is built: what the service holds live, garbage aside
        java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong();
        javax.management.NotificationListener collected = (n, h) -> {
            if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                afterGc.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heap.stream().anyMatch(p -> p.getName().equals(e.getKey())))
                        .mapToLong(e -> e.getValue().getUsed()).sum(), Math::max);
            }
        };
        List<javax.management.NotificationEmitter> collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                .stream().map(javax.management.NotificationEmitter.class::cast).toList();
        collectors.forEach(c -> c.addNotificationListener(collected, null, null));
        long start = System.nanoTime();
        long bytes;
        try {
            bytes = download(port, "admin", "/api/ledger.xlsx");
        } finally {
            for (javax.management.NotificationEmitter c : collectors) {
                c.removeNotificationListener(collected);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        put("ledger_" + size(open) + "_s", seconds, "ledger workbook of every plan", "s", open + " items, " + bytes / 1000 + " kB");
        put("ledger_" + size(open) + "_peak_heap_mb", peak / 1e6, "heap peak while the ledger is built", "MB",
                String.format("%.0f MB in use before it (the whole service); garbage included", before / 1e6));
        put("ledger_" + size(open) + "_live_heap_mb", afterGc.get() / 1e6, "heap in use after a collection while it is built (most)", "MB",
                "the whole service's live data, garbage aside (0: no collection ran)");
    }

    /** A GET as the user (HTTP Basic), its body read and counted: bytes. */
    private static long download(int port, String user, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setReadTimeout(600_000);
        c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(path + ": " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /**
     * What the database holds per item after the benchmark's plans ({@code open} items and their work), and the three
     * largest tables. H2: each table's DISK_SPACE_USED (rows, not indexes); PostgreSQL: pg_total_relation_size.
     */
    private void storage(ConfigurableApplicationContext ctx, Database db, int open) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        List<Map.Entry<String, Long>> tables = new ArrayList<>();
        if (db.name().equals("PostgreSQL")) {
            jdbc.sql("select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where c.relkind = 'r' and n.nspname = 'public'")
                    .query((rs, i) -> tables.add(Map.entry(rs.getString(1), rs.getLong(2)))).list();
        } else {
            for (String t : jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                    + "and table_type = 'BASE TABLE'").query(String.class).list()) {
                tables.add(Map.entry(t, jdbc.sql("select disk_space_used('PUBLIC.\"" + t + "\"')").query(Long.class).single()));
            }
        }
        tables.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long total = tables.stream().mapToLong(Map.Entry::getValue).sum();
        put("db_kb_per_item", total / 1024.0 / open, "database per item", "KB", "largest: " + String.join(", ",
                tables.stream().limit(3).map(e -> e.getKey().toLowerCase() + " " + Math.round(e.getValue() / 1024.0 / open * 10) / 10.0
                        + " KB/item").toList()));
    }

    /**
     * Two plan years of the same organ, {@code 2,000} items each (quick: 200): launching the second runs the look-back
     * over the first (its items matched to the new ones, a case per unfinished item): the second launch's seconds.
     */
    private void lookBack(PlanService plans, PlanStore store, int firstYear) {
        int items = sizes.units() * sizes.itemsPerUnit() >= 10_000 ? 2_000 : 200;
        long first = plans.importPlan(lookBackPlan(firstYear, items, 0).getBytes(StandardCharsets.UTF_8), "prior.txt", null, "admin").planId();
        plans.launch(first, "admin");
        long second = plans.importPlan(lookBackPlan(firstYear + 1, items, 1).getBytes(StandardCharsets.UTF_8), "current.txt", null, "admin").planId();
        long start = System.nanoTime();
        PlanService.LaunchResult launched = plans.launch(second, "admin");
        double seconds = (System.nanoTime() - start) / 1e9;
        put("lookback_launch_s", seconds, "launch of a plan whose prior year is looked back on", "s", items + " items a year, "
                + launched.lookBackCases() + " look-back cases opened");
    }

    /** A plan of an organ's year: every third item reworded from the year before (variant 1), the rest kept. */
    private String lookBackPlan(int year, int items, int variant) {
        StringBuilder text = new StringBuilder("回看市人民政府办公室关于印发回看市" + year + "年政务公开工作要点的通知\n回看市" + year
                + "年政务公开工作要点\n一、公开\n");
        for (int i = 1; i <= items; i++) {
            String verb = variant == 1 && i % 3 == 0 ? "深化" : "推进";
            text.append(i).append(".").append(verb).append("第").append(i).append("项重点领域").append(unitName(i % 30)).append("信息公开工作。(责任单位:")
                    .append(unitName(i % sizes.units())).append(")9月底前\n");
        }
        return text.toString();
    }

    // ---- 4. api -----------------------------------------------------------------------------------------------

    private void api(int port) throws Exception {
        latency(port, "tasks", sizes.requestsPerClient(), i -> "u" + (i % sizes.units()), "/api/tasks?size=1000",
                "a unit clerk's task list, clerks in turn");
        latency(port, "stats", sizes.statsPerClient(), i -> "admin", "/api/stats/dashboard", "the office's dashboard over every plan");
    }

    private void latency(int port, String name, int requests, java.util.function.IntFunction<String> user,
                         String path, String note) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(sizes.clients());
        try {
            // warm-up: every user once (a user's first call checks the bcrypt hash, a sign-in rather than the steady
            // state), then the same load as measured for warmSeconds (compiled code, prepared statements)
            java.util.Set<String> users = new java.util.TreeSet<>();
            for (int i = 0; i < sizes.clients() * requests; i++) {
                users.add(user.apply(i));
            }
            for (String u : users) {
                call(port, u, path);
            }
            long warmUntil = System.nanoTime() + sizes.warmSeconds() * 1_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                load(clients, port, requests, user, path);
            }
            long start = System.nanoTime();
            Load load = load(clients, port, requests, user, path);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> all = load.times();
            put("api_" + name + "_p50_ms", percentile(all, 50), "GET " + path + " p50", "ms", note);
            put("api_" + name + "_p95_ms", percentile(all, 95), "GET " + path + " p95", "ms", sizes.clients() + " clients");
            put("api_" + name + "_p99_ms", percentile(all, 99), "GET " + path + " p99", "ms", "");
            put("api_" + name + "_per_s", all.size() / seconds, "GET " + path + " throughput", "requests/s", all.size() + " requests");
            put("api_" + name + "_errors", load.errors(), "GET " + path + " failed requests", "", "not 200 within 60 s (timed as they took)");
        } finally {
            clients.shutdown();
        }
    }

    /** The times of every request, sorted, and how many failed. */
    private record Load(List<Long> times, int errors) {}

    /** Every client makes {@code requests} calls in turn, as {@code user} of its call number; waits for all of them. */
    private Load load(ExecutorService clients, int port, int requests, java.util.function.IntFunction<String> user, String path)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < sizes.clients(); c++) {
            int client = c;
            futures.add(clients.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int r = 0; r < requests; r++) {
                    long t = System.nanoTime();
                    try {
                        call(port, user.apply(client * requests + r), path);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    times.add(System.nanoTime() - t);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        Collections.sort(all);
        return new Load(all, errors.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /**
     * One GET as a client: a plain blocking HttpURLConnection, kept alive between calls as the JDK does by default.
     * (java.net.http.HttpClient's selector thread and futures took about a third of the two cores away from the
     * server under test.)
     */
    private static void call(int port, String user, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setConnectTimeout(60_000);
        c.setReadTimeout(60_000);
        if (user.contains("=")) { // a signed-in browser's session cookie: a page
            c.setRequestProperty("Cookie", user);
        } else {
            c.setRequestProperty("Accept", "application/json");
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        int status = c.getResponseCode();
        try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            if (status != 200) {
                throw new IllegalStateException(path + " as " + user + ": " + status + " " + new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    // ---- generated organization and plan ------------------------------------------------------------------------

    /** Unit i's name: 市 + two characters + 局, distinct for every i below 900. */
    private static String unitName(int i) {
        String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星云山";
        return "市" + chars.charAt(i / 30 % 30) + chars.charAt(i % 30) + "局";
    }

    private String org() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        StringBuilder yml = new StringBuilder("units:\n");
        for (int i = 0; i < sizes.units(); i++) {
            yml.append("  - { code: u").append(i).append(", name: ").append(unitName(i)).append(" }\n");
        }
        yml.append("users:\n  - { username: admin, password: \"").append(hash).append("\", roles: [ADMIN] }\n");
        for (int i = 0; i < sizes.units(); i++) {
            yml.append("  - { username: u").append(i).append(", password: \"").append(hash).append("\", roles: [UNIT], units: [u")
                    .append(i).append("] }\n");
        }
        return yml.toString();
    }

    /**
     * Every unit responsible for itemsPerUnit items, all due at the end of September, laid out as published plans are:
     * ten chapters (一、…), sections within them (（一）…), items numbered within each section.
     */
    private String plan() {
        int perSection = sizes.perPlan() >= 10_000 ? 50 : 10;
        int sections = sizes.perPlan() / (10 * perSection);
        StringBuilder text = new StringBuilder("基准市" + YEAR + "年政务公开工作要点\n");
        int n = 0;
        for (int c = 1; c <= 10; c++) {
            text.append(numeral(c)).append("、第").append(numeral(c)).append("部分工作\n");
            for (int s = 1; s <= sections; s++) {
                text.append("（").append(numeral(s)).append("）第").append(numeral(s)).append("方面\n");
                for (int i = 1; i <= perSection; i++, n++) {
                    text.append(i).append(".公开第").append(n + 1).append("项工作的办理情况。(责任单位:")
                            .append(unitName(n % sizes.units())).append(")9月底前\n");
                }
            }
        }
        return text.toString();
    }

    /** 1 … 99 in Chinese numerals. */
    private static String numeral(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n < 20 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The middle value (of an odd count; the upper middle of an even one). */
    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
