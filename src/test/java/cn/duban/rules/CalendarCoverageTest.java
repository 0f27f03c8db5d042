package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.system.Today;

/**
 * Years without holiday data: the warning from 1 November of the year before (today as {@link Today} says) in the
 * sweep result, a launch and the office's pages; the State Council's notice previewed and imported through the API
 * and the 管理 page. A database of its own, so that the sweeps and the holidays it imports touch no other test.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:duban-calendar;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CalendarCoverageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    WorkCalendar calendar;

    @MockitoSpyBean
    Today today;

    Api api;
    String holidaysBefore;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        holidaysBefore = api.get("admin", "/api/admin/holidays").raw();
        assertThat(calendar.covers(2027)).as("the test imports 2027's notice itself").isFalse();
    }

    @AfterEach
    void restoreHolidays() {
        api.call("admin", MockMvcRequestBuilders.put("/api/admin/holidays").contentType(MediaType.TEXT_PLAIN).content(holidaysBefore));
    }

    private void todayIs(LocalDate day) {
        doReturn(day).when(today).date();
    }

    private JsonNode sweep() {
        Response r = api.post("admin", "/api/admin/sweep", "");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode launch(int year) {
        Response imported = api.upload("admin", "/api/plans/import", "plan.txt",
                ("测试市" + year + "年政务公开工作要点\n一、测试\n1.公开审计结果。(责任单位:市甲局)9月底前\n").getBytes(StandardCharsets.UTF_8));
        Response launched = api.post("admin", "/api/plans/" + imported.body().get("planId").asLong() + "/launch", "");
        assertThat(launched.status()).as(launched.raw()).isEqualTo(200);
        return launched.body();
    }

    private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Response notice(String user, String text, boolean apply) throws Exception {
        return api.post(user, "/api/admin/holidays/notice" + (apply ? "?apply=true" : ""),
                JSON.writeValueAsString(java.util.Map.of("text", text)));
    }

    @Test
    void noWarningBeforeTheFirstOfNovember() throws Exception {
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 10, 30), LocalDate.of(2026, 10, 31)}) {
            todayIs(day);
            JsonNode swept = sweep();
            assertThat(swept.get("date").asText()).isEqualTo(day.toString());
            assertThat(swept.hasNonNull("calendarWarning")).as(swept.toString()).isFalse();
        }
        assertThat(launch(2026).hasNonNull("calendarWarning")).isFalse();
        assertThat(page("admin", MockMvcRequestBuilders.get("/admin"))).doesNotContain("calendar-warning");
        assertThat(page("admin", MockMvcRequestBuilders.get("/dashboard"))).doesNotContain("calendar-warning");
    }

    @Test
    void theNextYearWithoutDataIsWarnedOfFromTheFirstOfNovember() throws Exception {
        // Sunday 1 November, then Monday: the sweep of a day off and of a working day
        for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)}) {
            todayIs(day);
            JsonNode swept = sweep();
            assertThat(swept.get("workingDay").asBoolean()).isEqualTo(day.getDayOfMonth() == 2);
            assertThat(swept.get("calendarWarning").asText()).startsWith("2027 年尚无法定节假日数据").contains("工作日按周一至周五计算");
        }
        JsonNode launched = launch(2026);
        assertThat(launched.get("calendarWarning").asText()).startsWith("2027 年");
        long planId = launched.get("planId").asLong();
        assertThat(page("admin", MockMvcRequestBuilders.get("/plans/" + planId))).contains("calendar-warning", "2027 年尚无法定节假日数据");
        assertThat(page("admin", MockMvcRequestBuilders.get("/admin"))).contains("calendar-warning", "2027 年尚无法定节假日数据");
        assertThat(page("admin", MockMvcRequestBuilders.get("/dashboard"))).contains("calendar-warning");
        assertThat(page("leader", MockMvcRequestBuilders.get("/dashboard"))).as("the office's to act on").doesNotContain("calendar-warning");
        assertThat(page("jia", MockMvcRequestBuilders.get("/plans/" + planId))).doesNotContain("calendar-warning");
    }

    @Test
    void aPlanOfAYearWithoutDataIsWarnedOfAtItsLaunch() {
        todayIs(LocalDate.of(2026, 6, 1));
        assertThat(sweep().hasNonNull("calendarWarning")).isFalse();
        assertThat(launch(2027).get("calendarWarning").asText()).startsWith("2027 年");
    }

    @Test
    void theNoticeIsPreviewedThenImported() throws Exception {
        todayIs(LocalDate.of(2026, 12, 1));
        String text = HolidayNoticeTest.notice(2027);
        Response preview = notice("admin", text, false);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("year").asInt()).isEqualTo(2027);
        assertThat(preview.body().get("applied").asBoolean()).isFalse();
        assertThat(preview.body().get("unread")).isEmpty();
        assertThat(preview.body().get("days").get(0).toString()).isEqualTo("{\"date\":\"2027-01-01\",\"type\":\"HOLIDAY\",\"name\":\"元旦\"}");
        assertThat(preview.body().get("days")).hasSize(33);
        assertThat(api.get("admin", "/api/admin/holidays").raw()).as("a preview writes nothing").isEqualTo(holidaysBefore);
        assertThat(sweep().get("calendarWarning").asText()).startsWith("2027 年");

        for (String other : new String[] {"jia", "leader"}) {
            assertThat(notice(other, text, false).status()).isEqualTo(403);
            assertThat(notice(other, text, true).status()).isEqualTo(403);
        }
        Response bad = notice("admin", "关于做好2027年元旦期间有关工作的通知", true);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("未找到通知标题");
        Response unreadable = notice("admin", text.replace("六、中秋节：9月15日（星期三）放假，共1天。", "六、中秋节：9月15日（星期三）放假，共2天。"), true);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().get("error").asText()).contains("未能识别", "六、中秋节");
        assertThat(api.get("admin", "/api/admin/holidays").raw()).as("nothing half-done").isEqualTo(holidaysBefore);

        // an earlier guess for 2027 is replaced
        api.call("admin", MockMvcRequestBuilders.put("/api/admin/holidays").contentType(MediaType.TEXT_PLAIN)
                .content(holidaysBefore + "\n2027-03-08,HOLIDAY,猜测\n2030-05-01,HOLIDAY,劳动节\n"));
        Response applied = notice("admin", text, true);
        assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        String holidays = api.get("admin", "/api/admin/holidays").raw();
        assertThat(holidays).contains("2027-01-01,HOLIDAY,元旦", "2027-01-31,WORKDAY,春节", "2030-05-01,HOLIDAY,劳动节")
                .doesNotContain("猜测");
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(sweep().hasNonNull("calendarWarning")).as("2027 covered now").isFalse();
        assertThat(launch(2027).hasNonNull("calendarWarning")).isFalse();
        assertThat(api.get("admin", "/api/admin/audit").raw()).contains("HOLIDAYS_WRITTEN");
    }

    private JsonNode calendarHealth() throws Exception {
        Response health = api.call("ops", MockMvcRequestBuilders.get("/actuator/health/calendar").accept(MediaType.APPLICATION_JSON));
        assertThat(health.status()).as("WARNING is answered 200: " + health.raw()).isEqualTo(200);
        return health.body();
    }

    @Test
    void theHealthEndpointShowsTheYearsCoveredAndWarnsOfAMissingOne() throws Exception {
        todayIs(LocalDate.of(2026, 6, 1));
        JsonNode june = calendarHealth();
        assertThat(june.get("status").asText()).as("next year's data is not needed yet").isEqualTo("UP");
        assertThat(june.get("details").toString()).isEqualTo("{\"covered\":{\"2026\":true,\"2027\":false},\"missing\":[]}");

        todayIs(LocalDate.of(2026, 11, 2));
        JsonNode november = calendarHealth();
        assertThat(november.get("status").asText()).isEqualTo("WARNING");
        assertThat(november.get("details").toString()).isEqualTo("{\"covered\":{\"2026\":true,\"2027\":false},\"missing\":[2027]}");
        assertThat(api.call(null, MockMvcRequestBuilders.get("/actuator/health/readiness")).status())
                .as("a year without holiday data does not take the node out of the load balancer").isEqualTo(200);

        assertThat(notice("admin", HolidayNoticeTest.notice(2027), true).status()).isEqualTo(200);
        JsonNode imported = calendarHealth();
        assertThat(imported.get("status").asText()).isEqualTo("UP");
        assertThat(imported.at("/details/covered/2027").asBoolean()).isTrue();
    }

    @Test
    void theAdminPagePreviewsAndImportsThePastedNotice() throws Exception {
        todayIs(LocalDate.of(2026, 12, 1));
        String text = HolidayNoticeTest.notice(2027);
        String preview = page("admin", MockMvcRequestBuilders.post("/admin/holidays/notice").param("text", text).param("apply", "false"));
        assertThat(preview).contains("notice-days", "2027-01-01", "2027-10-09", "调休上班", "预览: 2027 年, 33 天", "calendar-warning");
        assertThat(api.get("admin", "/api/admin/holidays").raw()).isEqualTo(holidaysBefore);

        String error = page("admin", MockMvcRequestBuilders.post("/admin/holidays/notice").param("text", "不是通知").param("apply", "true"));
        assertThat(error).contains("notice-error", "未找到通知标题", "不是通知");

        String imported = page("admin", MockMvcRequestBuilders.post("/admin/holidays/notice").param("text", text).param("apply", "true"));
        assertThat(imported).contains("已导入 2027 年的节假日安排, 33 天").doesNotContain("calendar-warning");
        assertThat(api.get("admin", "/api/admin/holidays").raw()).contains("2027-10-07,HOLIDAY,国庆节");
    }
}
