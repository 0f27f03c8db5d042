package cn.duban.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;

/** Passwords through the API and the pages: always hashed, long enough, and changed by their owner. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEncodedLookingPasswordThroughTheApiIsTakenAsTypedAndHashed() {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users",
                "{\"username\":\"noopclerk\",\"password\":\"{noop}letmein1\",\"units\":[\"zi\"]}").status()).isEqualTo(201);
        String hash = jdbc.sql("select password_hash from app_user where username = 'noopclerk'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(me("noopclerk", "letmein1")).as("the {noop} prefix is no way in").isEqualTo(401);
        assertThat(me("noopclerk", "{noop}letmein1")).as("it is simply part of the password").isEqualTo(200);
        assertThat(put(api, "admin", "/api/admin/users/noopclerk", "{\"password\":\"{noop}other-one\"}").status()).isEqualTo(200);
        assertThat(me("noopclerk", "other-one")).isEqualTo(401);
    }

    @Test
    void passwordsSetThroughTheApiAndThePagesAreLongEnough() throws Exception {
        Api api = new Api(mvc);
        Api.Response shortOne = api.post("admin", "/api/admin/users", "{\"username\":\"shorty\",\"password\":\"short\",\"units\":[\"zi\"]}");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.body().get("error").asText()).isEqualTo("密码至少 8 个字符");
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"shorty\",\"password\":\"long-enough\",\"units\":[\"zi\"]}").status())
                .isEqualTo(201);
        assertThat(put(api, "admin", "/api/admin/users/shorty", "{\"password\":\"1234567\"}").status()).isEqualTo(400);
        assertThat(me("shorty", "long-enough")).as("the refused change changed nothing").isEqualTo(200);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.post("/admin/users")
                .param("username", "shorty2").param("password", "short").with(user("admin").roles("ADMIN")).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("密码至少 8 个字符");
    }

    @Test
    void aUserChangesTheirOwnPasswordThroughTheApi() {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"changer\",\"password\":\"first-password\",\"units\":[\"zi\"]}")
                .status()).isEqualTo(201);
        Api.Response wrong = changeOwn("changer", "first-password", "{\"current\":\"not-it\",\"password\":\"second-password\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("error").asText()).isEqualTo("当前密码不正确");
        assertThat(changeOwn("changer", "first-password", "{\"current\":\"first-password\",\"password\":\"short\"}").status())
                .isEqualTo(400);
        Api.Response changed = changeOwn("changer", "first-password", "{\"current\":\"first-password\",\"password\":\"second-password\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.raw()).doesNotContain("second-password").doesNotContain("passwordHash");
        assertThat(me("changer", "first-password")).isEqualTo(401);
        assertThat(me("changer", "second-password")).isEqualTo(200);
        assertThat(api.get("admin", "/api/admin/audit?subject=user:changer").body().get(0).get("action").asText())
                .isEqualTo("PASSWORD_CHANGED");
        assertThat(changeOwn(null, null, "{\"current\":\"x\",\"password\":\"second-password\"}").status()).isEqualTo(401);
    }

    @Test
    void wrongCurrentPasswordsInAnOpenSessionCountAsFailedSignIns() throws Exception {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"guesser\",\"password\":\"guesser-password\",\"units\":[\"zi\"]}")
                .status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(changeOnPage("guesser", "guess" + i, "new-password", "new-password").getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse blocked = changeOnPage("guesser", "guesser-password", "new-password", "new-password");
        assertThat(blocked.getStatus()).as("a session left open cannot be used to guess the password").isEqualTo(429);
        assertThat(blocked.getContentAsString(StandardCharsets.UTF_8)).contains("登录失败次数过多");
        assertThat(me("guesser", "guesser-password")).as("the password stayed").isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnThePage() throws Exception {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"pageuser\",\"password\":\"page-password\",\"units\":[\"zi\"]}")
                .status()).isEqualTo(201);
        MockHttpServletResponse account = mvc.perform(MockMvcRequestBuilders.get("/account").with(user("pageuser").roles("UNIT")))
                .andReturn().getResponse();
        assertThat(account.getStatus()).isEqualTo(200);
        assertThat(account.getContentAsString(StandardCharsets.UTF_8)).contains("修改密码", "pageuser");
        MockHttpServletResponse mismatch = changeOnPage("pageuser", "page-password", "new-page-password", "other-page-password");
        assertThat(mismatch.getStatus()).isEqualTo(400);
        assertThat(mismatch.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"password-error\"", "两次输入的新密码不一致", "修改密码");
        MockHttpServletResponse wrong = changeOnPage("pageuser", "not-it", "new-page-password", "new-page-password");
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("当前密码不正确");
        MockHttpServletResponse done = changeOnPage("pageuser", "page-password", "new-page-password", "new-page-password");
        assertThat(done.getRedirectedUrl()).isEqualTo("/account?saved");
        assertThat(me("pageuser", "new-page-password")).isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/account/password").param("current", "new-page-password")
                .param("password", "third-password").param("repeat", "third-password").with(user("pageuser").roles("UNIT")))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
    }

    /** In a page session of the user (no sign-in on each request), from an address of its own. */
    private MockHttpServletResponse changeOnPage(String username, String current, String password, String repeat) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/account/password").param("current", current).param("password", password)
                .param("repeat", repeat).with(user(username).roles("UNIT")).with(csrf()).with(r -> {
                    r.setRemoteAddr("127.0.0.53");
                    return r;
                })).andReturn().getResponse();
    }

    /** From an address of its own: the failures these tests make must not add up for the other tests' address. */
    private Api.Response changeOwn(String user, String password, String body) {
        var request = MockMvcRequestBuilders.put("/api/me/password").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(r -> {
                    r.setRemoteAddr("127.0.0.51");
                    return r;
                });
        if (user != null) {
            request.with(httpBasic(user, password));
        }
        return new Api(mvc).call(null, request);
    }

    private static Api.Response put(Api api, String user, String path, String body) {
        return api.call(user, MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private int me(String user, String password) {
        return new Api(mvc).call(null, MockMvcRequestBuilders.get("/api/me").with(httpBasic(user, password)).with(r -> {
            r.setRemoteAddr("127.0.0.52");
            return r;
        })).status();
    }
}
