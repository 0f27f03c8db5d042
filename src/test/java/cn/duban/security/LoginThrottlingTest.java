package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;

/**
 * Login throttling an attacker cannot turn against the user: failures count per user name and client address, a
 * flood blocks the flooding address, and user names that exist and names that do not are answered alike.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginThrottlingTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aHundredWrongPasswordsForAdminFromOneAddressLeaveAdminFreeToSignInFromAnother() {
        for (int i = 0; i < 100; i++) {
            assertThat(basic("admin", "guess" + i, "127.0.0.21").status()).isEqualTo(401);
        }
        assertThat(basic("admin", Api.PASSWORD, "127.0.0.22").status()).as("admin at their own desk").isEqualTo(200);
        assertThat(loginRedirect("admin", Api.PASSWORD, "127.0.0.22")).as("and on the login page").isEqualTo("/");
        Api.Response attacker = basic("admin", Api.PASSWORD, "127.0.0.21");
        assertThat(attacker.status()).as("the attacking address is blocked, even with the right password").isEqualTo(401);
        assertThat(attacker.body().get("error").asText()).isEqualTo("登录失败次数过多，请 15 分钟后再试");
        assertThat(basic("jia", Api.PASSWORD, "127.0.0.21").status()).as("a flood blocks the whole address").isEqualTo(401);
        assertThat(basic("jia", Api.PASSWORD, "127.0.0.23").status()).as("not the user elsewhere").isEqualTo(200);
    }

    @Test
    void fiveFailuresBlockTheNameFromThatAddressOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("yi", "wrong" + i, "127.0.0.31").status()).isEqualTo(401);
        }
        assertThat(basic("yi", Api.PASSWORD, "127.0.0.31").status()).isEqualTo(401);
        assertThat(loginRedirect("yi", Api.PASSWORD, "127.0.0.31")).isEqualTo("/login?locked");
        assertThat(basic("bing", Api.PASSWORD, "127.0.0.31").status()).as("other names from that address").isEqualTo(200);
        assertThat(basic("yi", Api.PASSWORD, "127.0.0.32").status()).as("the same name from elsewhere").isEqualTo(200);
    }

    @Test
    void unknownAndKnownUserNamesGetTheSameAnswerInTheSameTime() {
        // a user with a real (bcrypt) password, as users added by the office have
        assertThat(new Api(mvc).post("admin", "/api/admin/users",
                "{\"username\":\"realclerk\",\"password\":\"a-real-password\",\"roles\":[\"UNIT\"],\"units\":[\"zi\"]}").status())
                .isEqualTo(201);
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String guess = "wrong" + i;
            Api.Response k = timed(known, () -> basic("realclerk", guess, "127.0.0.41"));
            Api.Response u = timed(unknown, () -> basic("nosuchclerk", guess, "127.0.0.42"));
            assertThat(u.status()).isEqualTo(k.status()).isEqualTo(401);
            assertThat(u.raw()).as("attempt %d", i + 1).isEqualTo(k.raw());
            assertThat(loginRedirect("nosuchclerk", "x", "127.0.0.44")).isEqualTo(loginRedirect("realclerk", "x", "127.0.0.43"));
        }
        assertThat(basic("nosuchclerk", "x", "127.0.0.42").body().get("error").asText()).as("an unknown name is 'locked' too")
                .isEqualTo("登录失败次数过多，请 15 分钟后再试");
        assertThat(loginRedirect("nosuchclerk", "x", "127.0.0.42")).isEqualTo("/login?locked");
        // the first five attempts of each checked a password (bcrypt both times); the rest were refused before that
        long knownMedian = median(known.subList(0, 5));
        long unknownMedian = median(unknown.subList(0, 5));
        assertThat((double) unknownMedian / knownMedian).as("unknown %d µs vs known %d µs", unknownMedian / 1000, knownMedian / 1000)
                .isBetween(0.4, 2.5);
    }

    private static Api.Response timed(List<Long> times, java.util.function.Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        times.add(System.nanoTime() - start);
        return response;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private Api.Response basic(String user, String password, String address) {
        return new Api(mvc).call(null, MockMvcRequestBuilders.get("/api/me").with(httpBasic(user, password)).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }));
    }

    private String loginRedirect(String user, String password, String address) {
        try {
            return mvc.perform(MockMvcRequestBuilders.post("/login").param("username", user).param("password", password)
                    .with(csrf()).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    })).andReturn().getResponse().getRedirectedUrl();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
