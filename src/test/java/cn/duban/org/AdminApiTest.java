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

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;

/** The office's directory and calendar through the API: users added and changed, holidays edited. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    TestToday today;

    private Response put(Api api, String user, String path, MediaType type, String body) {
        return api.call(user, MockMvcRequestBuilders.put(path).contentType(type).content(body));
    }

    @Test
    void theOfficeAddsAndChangesUsers() {
        Api api = new Api(mvc);
        Response added = api.post("admin", "/api/admin/users",
                "{\"username\":\"newclerk\",\"name\":\"新经办人\",\"password\":\"clerk-pass\",\"roles\":[\"UNIT\"],\"units\":[\"bing\"]}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().toString()).doesNotContain("passwordHash");
        assertThat(me("newclerk", "clerk-pass").body().get("units").toString()).isEqualTo("[\"bing\"]");
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"newclerk\",\"password\":\"long-enough\"}").status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"x y\",\"password\":\"long-enough\"}").status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/admin/users", "{\"username\":\"other\",\"password\":\"long-enough\",\"units\":[\"nope\"]}").status())
                .isEqualTo(400);
        assertThat(api.post("jia", "/api/admin/users", "{\"username\":\"sneaky\",\"password\":\"long-enough\"}").status()).isEqualTo(403);

        Response changed = put(api, "admin", "/api/admin/users/newclerk", MediaType.APPLICATION_JSON,
                "{\"roles\":[\"UNIT\",\"SUPERVISOR\"],\"units\":[\"bing\",\"ding\"]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(me("newclerk", "clerk-pass").body().get("roles").toString()).contains("SUPERVISOR");
        assertThat(put(api, "admin", "/api/admin/users/nobody", MediaType.APPLICATION_JSON, "{}").status()).isEqualTo(404);
    }

    @Autowired
    Users users;

    @Autowired
    org.camunda.bpm.engine.IdentityService camunda;

    @Autowired
    cn.duban.workflow.EngineIdentity engineIdentity;

    @Test
    void onlyAnOperatorMakesOrChangesOperatorsAndOnlyOperatorsAreCamundaAdministrators() throws Exception {
        Api api = new Api(mvc);
        String newOperator = "{\"username\":\"newops\",\"password\":\"new-ops-password\",\"roles\":[\"OPERATOR\"]}";
        assertThat(api.post("admin", "/api/admin/users", newOperator).status()).isEqualTo(403);
        assertThat(put(api, "admin", "/api/admin/users/jia", MediaType.APPLICATION_JSON, "{\"roles\":[\"UNIT\",\"OPERATOR\"]}").status())
                .isEqualTo(403);
        assertThat(put(api, "admin", "/api/admin/users/ops", MediaType.APPLICATION_JSON, "{\"password\":\"taken-over\"}").status())
                .as("the office cannot take an operator's account over").isEqualTo(403);
        assertThat(api.get("ops", "/api/me").status()).isEqualTo(200);
        assertThat(api.get("jia", "/api/me").body().get("roles").toString()).doesNotContain("OPERATOR");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as("the user form offers the role").contains("new-role-OPERATOR");

        // someone with both roles may
        users.load("chief", "主任", "{noop}" + Api.PASSWORD, java.util.List.of(Role.ADMIN, Role.OPERATOR), java.util.List.of());
        assertThat(api.post("chief", "/api/admin/users", newOperator).status()).isEqualTo(201);
        assertThat(camunda.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(org.camunda.bpm.engine.identity.User::getId).contains("ops", "newops", "chief").doesNotContain("admin");
        // a membership of an earlier version, when the office was Camunda's administrator, goes at the next sync
        camunda.createMembership("admin", "camunda-admin");
        engineIdentity.sync();
        assertThat(camunda.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(org.camunda.bpm.engine.identity.User::getId).doesNotContain("admin");
        assertThat(camunda.createUserQuery().memberOfGroup("ADMIN").list())
                .extracting(org.camunda.bpm.engine.identity.User::getId).contains("admin");
    }

    @Test
    void holidaysEditedApplyAtOnce() {
        Api api = new Api(mvc);
        LocalDate day = LocalDate.now().plusYears(12).withMonth(3).withDayOfMonth(10);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        today.set(day);
        assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").body().get("workingDay").asBoolean()).isTrue();
        Response bad = put(api, "admin", "/api/admin/holidays", MediaType.TEXT_PLAIN, "date,type,name\n" + day + ",VACATION,x\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("第 2 行");
        String text = api.get("admin", "/api/admin/holidays").raw() + "\n" + day + ",HOLIDAY,测试假日\n";
        Response saved = put(api, "admin", "/api/admin/holidays", MediaType.TEXT_PLAIN, text);
        assertThat(saved.status()).isEqualTo(200);
        today.set(day);
        assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").body().get("workingDay").asBoolean()).isFalse();
        assertThat(api.get("admin", "/api/admin/holidays").raw()).contains("测试假日");
        assertThat(api.get("admin", "/api/admin/rules").body().get("files").toString()).as("rules kept").contains("thresholds.drl.csv");
        assertThat(put(api, "jia", "/api/admin/holidays", MediaType.TEXT_PLAIN, text).status()).isEqualTo(403);
    }

    @Test
    void holidaysAnotherNodeSavedAreInForceForTheNextSweep() {
        Api api = new Api(mvc);
        LocalDate day = LocalDate.now().plusYears(16).withMonth(4).withDayOfMonth(14);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        String text = api.get("admin", "/api/admin/holidays").raw() + "\n" + day + ",HOLIDAY,另一节点保存的假日\n";
        // what another node of the cluster writes when the office saves holidays there
        jdbc.sql("insert into policy_change (name, content, changed_at) values (?, ?, ?)")
                .params("holidays.csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
        today.set(day);
        assertThat(api.post("admin", "/api/admin/sweep?date=" + day, "").body().get("workingDay").asBoolean()).isFalse();
        assertThat(api.get("admin", "/api/admin/holidays").raw()).contains("另一节点保存的假日");
    }

    @Test
    void everyChangeIsAuditedWithWhoWhenAndBeforeAndAfter() {
        Api api = new Api(mvc);
        assertThat(api.post("admin", "/api/admin/users",
                "{\"username\":\"audited\",\"password\":\"audited-pw\",\"roles\":[\"UNIT\"],\"units\":[\"zi\"]}").status()).isEqualTo(201);
        assertThat(put(api, "admin", "/api/admin/users/audited", MediaType.APPLICATION_JSON, "{\"roles\":[\"SUPERVISOR\"]}").status())
                .isEqualTo(200);
        JsonNode user = api.get("admin", "/api/admin/audit?subject=user:audited").body();
        assertThat(user).hasSize(2);
        assertThat(user.get(0).get("action").asText()).isEqualTo("USER_CHANGED");
        assertThat(user.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(user.get(0).get("at").asText()).isNotBlank();
        assertThat(user.get(0).get("before").asText()).contains("\"roles\":[\"UNIT\"]").doesNotContain("password");
        assertThat(user.get(0).get("after").asText()).contains("\"roles\":[\"SUPERVISOR\"]");
        assertThat(user.get(1).get("action").asText()).isEqualTo("USER_ADDED");
        assertThat(user.get(1).has("before")).as("nothing before a new user").isFalse();

        assertThat(put(api, "admin", "/api/admin/units/zi/contacts", MediaType.APPLICATION_JSON,
                "{\"emails\":[\"zi@example.gov.cn\"],\"channels\":[\"EMAIL\"]}").status()).isEqualTo(200);
        JsonNode contacts = api.get("admin", "/api/admin/audit?subject=unit:zi").body().get(0);
        assertThat(contacts.get("action").asText()).isEqualTo("CONTACTS_CHANGED");
        assertThat(contacts.get("after").asText()).contains("zi@example.gov.cn");
        assertThat(contacts.get("before").asText()).doesNotContain("zi@example.gov.cn");

        long plan = api.launchPlan("测试市" + (LocalDate.now().getYear() + 15) + "年政务公开工作要点\n一、测试\n1.公开审计结果。(责任单位:市甲局)9月底前\n");
        String task = api.task("jia", plan, "EXECUTE", "jia");
        long item = api.tasks("jia", plan).get(0).get("itemId").asLong();
        assertThat(api.complete("jia", task, "{\"summary\":\"已公开\",\"percent\":100}").status()).isEqualTo(200);
        JsonNode done = api.get("admin", "/api/admin/audit?subject=item:" + item).body().get(0);
        assertThat(done.get("action").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(done.get("actor").asText()).isEqualTo("jia");
        assertThat(done.get("before").asText()).contains("\"step\":\"EXECUTE\"", "\"unit\":\"jia\"");
        assertThat(done.get("after").asText()).contains("已公开");
        assertThat(api.get("admin", "/api/admin/audit?subject=plan:" + plan).body()).extracting(e -> e.get("action").asText())
                .containsExactly("PLAN_LAUNCHED", "PLAN_IMPORTED");
        assertThat(api.get("admin", "/api/admin/audit?actor=jia&size=1").body().get(0).get("subject").asText())
                .isEqualTo("item:" + item);
        assertThat(api.get("jia", "/api/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        addUnitUser("guessed", "right-one");
        assertThat(basic("guessed", "right-one").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = basic("guessed", "wrong" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().get("error").asText()).isEqualTo("未登录或用户名、密码错误");
        }
        Api.Response locked = basic("guessed", "right-one");
        assertThat(locked.status()).as("locked after five failures, even with the right password").isEqualTo(401);
        assertThat(locked.body().get("error").asText()).isEqualTo("登录失败次数过多，请 15 分钟后再试");
        assertThat(loginRedirect("guessed", "right-one")).as("the login page says so too").isEqualTo("/login?locked");
        assertThat(loginRedirect("jia", "wrong")).isEqualTo("/login?error");
        assertThat(basic("jia", Api.PASSWORD).status()).as("other users are not affected").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsTheFailuresBeforeIt() {
        addUnitUser("forgetful", "right-one");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(basic("forgetful", "wrong" + i).status()).isEqualTo(401);
            }
            assertThat(basic("forgetful", "right-one").status()).as("round %d: four failures do not lock", round).isEqualTo(200);
        }
        assertThat(basic("forgetful", "right-one").status()).as("and a sign-in with nothing to clear still signs in").isEqualTo(200);
    }

    private void addUnitUser(String username, String password) {
        assertThat(new Api(mvc).post("admin", "/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"roles\":[\"UNIT\"],\"units\":[\"zi\"]}").status()).isEqualTo(201);
    }

    private Api.Response basic(String user, String password) {
        return new Api(mvc).call(null, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/tasks")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(user, password)));
    }

    private Api.Response me(String user, String password) {
        return new Api(mvc).call(null, MockMvcRequestBuilders.get("/api/me")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, password)));
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
