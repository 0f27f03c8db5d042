package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import cn.duban.Api;

/**
 * The reads of a plan run as many statements for a plan of 1,000 items as for one of 10: the plan (API and page), the
 * ledger, the 通报, the annual report, the dashboard and the scores. A database of its own: a launched plan of 1,000
 * items would slow every other test's sweep.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:duban-queries;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCountTest {

    /** Every statement of the application counted, per thread (a request of MockMvc runs on the test's thread). */
    @TestConfiguration
    static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)
                            ? ProxyDataSourceBuilder.create(ds).name(name).countQuery()
                                    .afterQuery((exec, queries) -> queries.forEach(q -> {
                                        q.getParametersList().forEach(set -> SEEN.add(new Statement(q.getQuery(), set.stream()
                                                .sorted(java.util.Comparator.comparingInt(o -> (Integer) o.getArgs()[0]))
                                                .map(o -> o.getArgs()[1]).toList())));
                                        EXECUTED.merge(q.getQuery(), 1, Integer::sum); // a batch once
                                    }))
                                    .build() : bean;
                }
            };
        }
    }

    /** A statement the application ran, with its parameters, while {@link #SEEN} was listening. */
    record Statement(String sql, List<Object> params) {}

    static final List<Statement> SEEN = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** How many times each statement was sent to the database (a batch of them once). */
    static final Map<String, Integer> EXECUTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each launch's statements sent, by the number of its plan's items. */
    private final Map<Integer, Map<String, Integer>> launches = new LinkedHashMap<>();

    private static final int YEAR = 2087;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private Api api;
    private long small;
    private long large;

    @BeforeAll
    void plans() {
        api = new Api(mvc);
        small = plan("小", 10);
        large = plan("大", 1000);
    }

    /**
     * A launched plan of {@code items} items, their units a mix of units, a group, lead and responsible units; the
     * first item's unit has reported, so that the reads meet a report.
     */
    private long plan(String city, int items) {
        StringBuilder text = new StringBuilder(city + "计数市" + YEAR + "年政务公开工作要点\n一、公开\n");
        String[] units = {"(责任单位:市甲局)9月底前", "(牵头单位:市乙局;责任单位:市丙局、市丁局)年底前",
                "(责任单位:市政府各局)每季度", "(牵头单位:市甲局;责任单位:市乙局)6月底前,每季度至少1次"};
        for (int i = 1; i <= items; i++) {
            text.append(i).append(".公开第").append(i).append("项政务信息").append(units[i % units.length]).append("\n");
        }
        Api.Response imported = api.upload("admin", "/api/plans/import", "plan.txt", text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long planId = imported.body().get("planId").asLong();
        EXECUTED.clear();
        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(200);
        launches.put(items, Map.copyOf(EXECUTED));
        String task = api.tasks("jia", planId).stream().filter(t -> t.get("step").asText().equals("EXECUTE"))
                .findFirst().orElseThrow().get("id").asText();
        assertThat(api.complete("jia", task, "{\"summary\":\"已公开\",\"percent\":100}").status()).isEqualTo(200);
        return planId;
    }

    /** The statements a read of the plan runs, as {@code user}; the read must succeed. */
    private long statements(String user, String path, boolean page) throws Exception {
        var request = MockMvcRequestBuilders.get(path);
        request.with(page ? SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user))
                : SecurityMockMvcRequestPostProcessors.httpBasic(user, Api.PASSWORD));
        QueryCountHolder.clear();
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        long count = QueryCountHolder.getGrandTotal().getTotal();
        assertThat(status).as(path).isEqualTo(200);
        return count;
    }

    /** Each read's statements on the small and the large plan (the read made once before, caches warm). */
    @Test
    void aReadRunsAsManyStatementsForAThousandItemsAsForTen() throws Exception {
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("GET /api/plans/{id} (admin)", new String[] {"admin", "/api/plans/%d", "api"});
        reads.put("GET /api/plans/{id} (unit)", new String[] {"jia", "/api/plans/%d", "api"});
        reads.put("/plans/{id} (admin)", new String[] {"admin", "/plans/%d", "page"});
        reads.put("/plans/{id} (unit)", new String[] {"jia", "/plans/%d", "page"});
        reads.put("GET /api/ledger.xlsx (admin)", new String[] {"admin", "/api/ledger.xlsx?plan=%d", "api"});
        reads.put("GET /api/ledger.xlsx (unit)", new String[] {"jia", "/api/ledger.xlsx?plan=%d", "api"});
        reads.put("GET /api/plans/{id}/notice.docx", new String[] {"admin", "/api/plans/%d/notice.docx?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31", "api"});
        reads.put("GET /api/plans/{id}/report.docx", new String[] {"admin", "/api/plans/%d/report.docx", "api"});
        reads.put("GET /api/stats/dashboard", new String[] {"admin", "/api/stats/dashboard?plan=%d", "api"});
        reads.put("GET /api/stats/scores", new String[] {"admin", "/api/stats/scores?plan=%d", "api"});
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            String[] r = read.getValue();
            boolean page = r[2].equals("page");
            statements(r[0], String.format(r[1], small), page);
            counts.put(read.getKey(), List.of(statements(r[0], String.format(r[1], small), page),
                    statements(r[0], String.format(r[1], large), page)));
        }
        System.out.println("Statements per read (10 items, 1,000 items): " + counts);
        counts.forEach((read, c) -> assertThat(c.get(1)).as(read + ": 10 items, then 1,000").isEqualTo(c.get(0)));
    }

    /**
     * The large plan's launch started its items a hundred to an engine command (workflow.BatchedStarts): every item is
     * open, with one process of its own, the one the item names, and its units' tasks.
     */
    @Test
    void aLaunchOfManyEngineFlushesStartsEveryItemOnce() {
        assertThat(count("select count(*) from item where plan_id = ? and status = 'OPEN'")).isEqualTo(1000);
        assertThat(count("select count(*) from item i join act_ru_execution e on e.id_ = i.process_instance_id "
                + "and e.business_key_ = cast(i.id as varchar) and e.parent_id_ is null where i.plan_id = ?")).isEqualTo(1000);
        assertThat(count("select count(*) from act_ru_execution e join item i on e.business_key_ = cast(i.id as varchar) "
                + "where e.parent_id_ is null and i.plan_id = ?")).as("one process per item").isEqualTo(1000);
        assertThat(count("select count(*) from item i where i.plan_id = ? "
                + "and not exists (select 1 from open_task t where t.item_id = i.id)")).as("items without a task").isZero();
    }

    /**
     * A launch sends the rows of ours its items' starts write (their tasks, their trail, the items' instances) in a
     * batch to each hundred items (workflow.BatchedStarts), not a statement to each row.
     */
    @Test
    void aLaunchSendsItsItemsRowsInBatches() {
        System.out.println("Statements sent by a launch of 10 items, of 1,000: " + launches);
        for (String write : List.of("insert into open_task", "insert into item_event", "update item set status")) {
            for (Map.Entry<Integer, Map<String, Integer>> launch : launches.entrySet()) {
                int sent = launch.getValue().entrySet().stream().filter(e -> e.getKey().startsWith(write))
                        .mapToInt(Map.Entry::getValue).sum();
                assertThat(sent).as(write + ", " + launch.getKey() + " items").isEqualTo((launch.getKey() + 99) / 100);
            }
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(large).query(Long.class).single();
    }

    /**
     * A clerk's task list, asked for all day, finds the clerk's open tasks through open_task's indexes and reads no
     * whole table: an OR across unit_code and reviewer_code had H2 read every item and then their tasks, which at
     * 100,000 items took the list's p95 from tens of milliseconds to 4.9 s (and 1.1 s with the OR behind an
     * IN (… union …), which H2 ran again for every item).
     */
    @Test
    void aClerksTaskListReadsNoWholeTaskTable() throws Exception {
        statements("jia", "/api/tasks", false);
        SEEN.clear();
        statements("jia", "/api/tasks", false);
        List<Statement> reads = SEEN.stream().filter(st -> st.sql().contains("open_task")).toList();
        assertThat(reads).as("the task list's query").isNotEmpty();
        for (Statement read : reads) {
            String plan = jdbc.sql("explain " + read.sql()).params(read.params()).query(String.class).single();
            assertThat(plan).as(plan).doesNotContain(".tableScan");
        }
    }
}
