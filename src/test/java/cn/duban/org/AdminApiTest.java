package cn.duban.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;
import cn.duban.Api.Response;

/** The office's directory and calendar through the API: users added and changed, holidays edited. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminApiTest {

    @Autowired
    MockMvc mvc;

    private Response put(Api api, String user, String path, MediaType type, String body) {
        return api.call(user, MockMvcRequestBuilders.put(path).contentType(type).content(body));
    }

    @Test
    void theOfficeAddsAndChangesUsers() {
        Api api = new Api(mvc);
        Response added = api.post("admin", "/api/admin/users",
                "{\"username\":\"newclerk\",\"name\":\"新经办人\",\"password\":\"pw\",\"roles\":[\"UNIT\"],\"units\":[\"bing\"]}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().toString()).doesNotContain("passwordHash");
        assertThat(api.get("newclerk", "/api/me").body().get("units").toString()).isEqualTo("[\"bing\"]");
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"newclerk\",\"password\":\"pw\"}").status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"x y\",\"password\":\"pw\"}").status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"other\",\"password\":\"pw\",\"units\":[\"nope\"]}").status())
                .isEqualTo(400);
        assertThat(api.post("jia", "/api/admin/users", "{\"username\":\"sneaky\",\"password\":\"pw\"}").status()).isEqualTo(403);

        Response changed = put(api, "admin", "/api/admin/users/newclerk", MediaType.APPLICATION_JSON,
                "{\"roles\":[\"UNIT\",\"SUPERVISOR\"],\"units\":[\"bing\",\"ding\"]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("newclerk", "/api/me").body().get("roles").toString()).contains("SUPERVISOR");
        assertThat(put(api, "admin", "/api/admin/users/nobody", MediaType.APPLICATION_JSON, "{}").status()).isEqualTo(404);
    }

    @Test
    void holidaysEditedApplyAtOnce() {
        Api api = new Api(mvc);
        LocalDate day = LocalDate.now().plusYears(12).withMonth(3).withDayOfMonth(10);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").body().get("workingDay").asBoolean()).isTrue();
        Response bad = put(api, "admin", "/api/admin/holidays", MediaType.TEXT_PLAIN, "date,type,name\n" + day + ",VACATION,x\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("第 2 行");
        String text = api.get("admin", "/api/admin/holidays").raw() + "\n" + day + ",HOLIDAY,测试假日\n";
        Response saved = put(api, "admin", "/api/admin/holidays", MediaType.TEXT_PLAIN, text);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").body().get("workingDay").asBoolean()).isFalse();
        assertThat(api.get("admin", "/api/admin/holidays").raw()).contains("测试假日");
        assertThat(api.get("admin", "/api/admin/rules").body().get("files").toString()).as("rules kept").contains("thresholds.drl.csv");
        assertThat(put(api, "jia", "/api/admin/holidays", MediaType.TEXT_PLAIN, text).status()).isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users",
                "{\"username\":\"guessed\",\"password\":\"right\",\"roles\":[\"UNIT\"],\"units\":[\"zi\"]}").status())
                .isEqualTo(201);
        assertThat(basic("guessed", "right").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = basic("guessed", "wrong" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().get("error").asText()).isEqualTo("未登录或用户名、密码错误");
        }
        Api.Response locked = basic("guessed", "right");
        assertThat(locked.status()).as("locked after five failures, even with the right password").isEqualTo(401);
        assertThat(locked.body().get("error").asText()).isEqualTo("登录失败次数过多，账户已暂时锁定，请 15 分钟后再试");
        assertThat(loginRedirect("guessed", "right")).as("the login page says so too").isEqualTo("/login?locked");
        assertThat(loginRedirect("jia", "wrong")).isEqualTo("/login?error");
        assertThat(basic("jia", Api.PASSWORD).status()).as("other users are not affected").isEqualTo(200);
    }

    private Api.Response basic(String user, String password) {
        return new Api(mvc).call(null, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/tasks")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(user, password)));
    }

    private String loginRedirect(String user, String password) {
        try {
            return mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                    .formLogin("/login").user(user).password(password)).andReturn().getResponse().getRedirectedUrl();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
