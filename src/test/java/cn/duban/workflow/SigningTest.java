package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;
import cn.duban.rules.WorkCalendar;

/**
 * 签收 and the office's queue through the API: a unit's task nobody signs for is reminded on the table's day and
 * escalated after more; signing (or reporting) ends that; the trail and the task list show the signature. A REVIEW or
 * ASSIGN task waiting too long is reminded to the supervisors or the office, then escalated.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SigningTest {

    /** A year of its own: no other test's tasks open or are swept in it. */
    private static final int YEAR = LocalDate.now().getYear() + 47;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    TestToday today;

    @Autowired
    UserDetailsService users;

    Api api;

    /** The day the tests' tasks open: a working day early in the year, far from every due date. */
    LocalDate opened;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        opened = calendar.nextWorkingDay(LocalDate.of(YEAR, 2, 2));
    }

    /** The working day {@code n} working days after the day the tasks opened. */
    private LocalDate day(int n) {
        LocalDate d = opened;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** A plan of one item launched on the day the tasks open; the item's id. */
    private long launch(String title, String item) {
        today.set(opened);
        long planId = api.launchPlan("测试市" + YEAR + "年" + title + "工作要点\n一、测试\n1." + item + "\n");
        return api.tasks("admin", planId).get(0).get("itemId").asLong();
    }

    private JsonNode item(long itemId) {
        return api.get("admin", "/api/items/" + itemId).body();
    }

    /** The item's notifications of a kind, as "audience on_date". */
    private List<String> notices(long itemId, String kind) {
        List<String> found = new ArrayList<>();
        item(itemId).get("reminders").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                found.add(n.get("audience").asText() + " " + n.get("onDate").asText());
            }
        });
        return found;
    }

    private JsonNode task(long itemId, String step) {
        for (JsonNode t : item(itemId).get("openTasks")) {
            if (t.get("step").asText().equals(step)) {
                return t;
            }
        }
        throw new AssertionError("no open " + step + " task on item " + itemId);
    }

    @Test
    void aUnitThatNeverSignsIsRemindedOnceThenEscalated() {
        long itemId = launch("签收提醒", "公开签收测试事项一。(责任单位:市甲局)9月底前");
        assertThat(task(itemId, "EXECUTE").hasNonNull("signedBy")).isFalse();

        api.sweep(today, day(1));
        assertThat(notices(itemId, "NOT_SIGNED")).isEmpty();
        api.sweep(today, day(2));
        assertThat(notices(itemId, "NOT_SIGNED")).containsExactly("jia " + day(2));
        api.sweep(today, day(3));
        api.sweep(today, day(4));
        assertThat(notices(itemId, "NOT_SIGNED")).as("once").containsExactly("jia " + day(2));
        assertThat(item(itemId).at("/item/escalationLevel").asInt()).isZero();

        JsonNode swept = api.sweep(today, day(5));
        assertThat(swept.get("escalations").asInt()).isEqualTo(1);
        assertThat(item(itemId).at("/item/escalationLevel").asInt()).isEqualTo(1);
        assertThat(item(itemId).get("history").toString()).contains("ESCALATED", "逾期未签收");
        assertThat(task(itemId, "SUPERVISE")).as("a 督办 task opens, as for any unit").isNotNull();
    }

    @Test
    void signingRecordsWhoAndWhenOnceAndStopsTheReminders() {
        long itemId = launch("签收记录", "公开签收测试事项二。(责任单位:市甲局)9月底前");
        String taskId = task(itemId, "EXECUTE").get("id").asText();
        assertThat(api.post("yi", "/api/tasks/" + taskId + "/sign", "").status()).as("another unit").isEqualTo(403);
        assertThat(api.post("leader", "/api/tasks/" + taskId + "/sign", "").status()).as("a supervisor").isEqualTo(403);

        JsonNode signed = api.sign("jia", taskId);
        assertThat(signed.get("signedBy").asText()).isEqualTo("jia");
        JsonNode again = api.sign("jia", taskId);
        assertThat(again).as("signing again changes nothing").isEqualTo(signed);
        assertThat(item(itemId).get("history").findValuesAsText("action").stream().filter("SIGNED"::equals)).hasSize(1);
        JsonNode trail = item(itemId).get("history");
        JsonNode signature = null;
        for (JsonNode e : trail) {
            if (e.get("action").asText().equals("SIGNED")) {
                signature = e;
            }
        }
        assertThat(signature.get("actor").asText()).isEqualTo("jia");
        assertThat(signature.get("unit").asText()).isEqualTo("jia");
        JsonNode listed = api.tasks("jia", api.get("admin", "/api/items/" + itemId).body().at("/item/planId").asLong()).get(0);
        assertThat(listed.get("signedBy").asText()).isEqualTo("jia");
        assertThat(listed.get("signedAt").asText()).isEqualTo(signed.get("signedAt").asText());

        api.sweep(today, day(2));
        api.sweep(today, day(6));
        assertThat(notices(itemId, "NOT_SIGNED")).isEmpty();
        assertThat(item(itemId).at("/item/escalationLevel").asInt()).isZero();
    }

    @Test
    void aReportSignsForTheTaskAndReturnedWorkStaysSigned() {
        long itemId = launch("报送签收", "公开签收测试事项三。(责任单位:市甲局)9月底前");
        String taskId = task(itemId, "EXECUTE").get("id").asText();
        Response progress = api.post("jia", "/api/tasks/" + taskId + "/progress", "{\"summary\": \"已起草\", \"percent\": 30}");
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(task(itemId, "EXECUTE").get("signedBy").asText()).isEqualTo("jia");
        assertThat(item(itemId).get("history").toString()).contains("SIGNED", "报送时签收");

        assertThat(api.complete("jia", taskId, "{\"summary\": \"已公开\", \"percent\": 100}").status()).isEqualTo(200);
        String review = task(itemId, "REVIEW").get("id").asText();
        assertThat(api.complete("leader", review, "{\"decision\": \"RETURN\", \"comment\": \"请补充\"}").status()).isEqualTo(200);
        assertThat(task(itemId, "EXECUTE").get("signedBy").asText()).as("the returned work is signed already").isEqualTo("jia");
        assertThat(item(itemId).get("history").findValuesAsText("action").stream().filter("SIGNED"::equals)).hasSize(1);
        assertThat(api.post("jia", "/api/tasks/" + review + "/sign", "").status()).as("a closed task").isEqualTo(404);
    }

    @Test
    void myTasksShowsToSignApartFromInProgress() throws Exception {
        long itemId = launch("我的任务签收", "公开签收测试事项四。(责任单位:市甲局)9月底前");
        String taskId = task(itemId, "EXECUTE").get("id").asText();
        String page = page();
        assertThat(section(page, "unsigned")).contains("公开签收测试事项四");
        assertThat(section(page, "tasks")).doesNotContain("公开签收测试事项四");

        int status = mvc.perform(MockMvcRequestBuilders.post("/tasks/" + taskId + "/sign").with(jia())
                .with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        page = page();
        assertThat(section(page, "unsigned")).doesNotContain("公开签收测试事项四");
        assertThat(section(page, "tasks")).contains("公开签收测试事项四");
        String itemPage = mvc.perform(MockMvcRequestBuilders.get("/items/" + itemId).with(jia()))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(itemPage).contains("id=\"signed\"").doesNotContain("id=\"sign\"");
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor jia() {
        return user(users.loadUserByUsername("jia"));
    }

    private String page() throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/").with(jia())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The table of one section of 我的任务 ("" when the section is not shown). */
    private static String section(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
    }

    @Test
    void aReviewWaitingTooLongIsRemindedToTheSupervisorsThenEscalated() {
        long itemId = launch("审核积压", "公开审核积压测试事项。(责任单位:市甲局)9月底前");
        String taskId = task(itemId, "EXECUTE").get("id").asText();
        assertThat(api.complete("jia", taskId, "{\"summary\": \"已公开\", \"percent\": 100}").status()).isEqualTo(200);
        api.sweep(today, day(2));
        assertThat(notices(itemId, "WAITING")).isEmpty();
        api.sweep(today, day(3));
        assertThat(notices(itemId, "WAITING")).containsExactly("SUPERVISOR " + day(3));
        api.sweep(today, day(4));
        assertThat(notices(itemId, "WAITING")).containsExactly("SUPERVISOR " + day(3));

        assertThat(api.sweep(today, day(5)).get("escalations").asInt()).isEqualTo(1);
        assertThat(item(itemId).at("/item/escalationLevel").asInt()).isEqualTo(1);
        assertThat(item(itemId).get("history").toString()).contains("审核超期");
        assertThat(notices(itemId, "ESCALATED")).as(item(itemId).toString()).contains("SUPERVISOR " + day(5));
        assertThat(notices(itemId, "NOT_SIGNED")).as("handing in signed").isEmpty();
    }

    @Test
    void anAssignWaitingTooLongIsRemindedToTheOffice() {
        long itemId = launch("交办积压", "公开交办积压测试事项。9月底前");
        task(itemId, "ASSIGN");
        api.sweep(today, day(3));
        assertThat(notices(itemId, "WAITING")).containsExactly("ADMIN " + day(3));
        assertThat(api.get("leader", "/api/notifications").raw()).as("not the supervisors'").doesNotContain("交办积压测试事项");
        api.sweep(today, day(5));
        assertThat(notices(itemId, "ESCALATED")).contains("ADMIN " + day(5));
        assertThat(item(itemId).get("history").toString()).contains("交办确认超期");
    }
}
