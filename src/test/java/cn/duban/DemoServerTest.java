package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The server as a new user meets it: demo profile, real HTTP, the demo users of the README. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:duban-demo;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class DemoServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    @Test
    void demoUnitReportsAndTheLeaderApproves() throws Exception {
        JsonNode tasks = json(send("sfj", "GET", "/api/tasks", null));
        assertThat(tasks).extracting(t -> t.get("itemNumber").asText()).containsExactly("1", "3", "7");
        JsonNode task = tasks.get(2);
        assertThat(task.get("step").asText()).isEqualTo("EXECUTE");
        assertThat(task.get("unitName").asText()).isEqualTo("区司法局");

        HttpResponse<String> done = send("sfj", "POST", "/api/tasks/" + task.get("id").asText() + "/complete",
                "{\"summary\":\"已集中公开现行有效规范性文件\",\"percent\":100,\"evidence\":[\"https://demo.example/gfxwj\"]}");
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode review = StreamSupport.stream(json(send("leader", "GET", "/api/tasks", null)).spliterator(), false)
                .filter(t -> t.get("itemId").equals(task.get("itemId"))).findFirst().orElseThrow();
        assertThat(review.get("step").asText()).isEqualTo("REVIEW");
        assertThat(send("leader", "POST", "/api/tasks/" + review.get("id").asText() + "/complete",
                "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}").statusCode()).isEqualTo(200);

        JsonNode item = json(send("sfj", "GET", "/api/items/" + task.get("itemId").asText(), null));
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        List<String> trail = StreamSupport.stream(item.get("history").spliterator(), false)
                .map(e -> e.get("actor").asText() + ":" + e.get("action").asText()).toList();
        assertThat(trail).containsSubsequence("admin:LAUNCHED", "sfj:SUBMITTED", "leader:APPROVED", "system:REPORTED");
    }

    @Test
    void demoPlanItemWithAnUnknownUnitWaitsForTheOffice() throws Exception {
        JsonNode tasks = json(send("admin", "GET", "/api/tasks?step=ASSIGN", null));
        assertThat(tasks).hasSize(1);
        JsonNode item = json(send("admin", "GET", "/api/items/" + tasks.get(0).get("itemId").asText(), null));
        assertThat(item.get("history").toString()).contains("区民生服务站");
        java.util.List<?> demoUsers;
        try (var in = getClass().getResourceAsStream("/demo/org.yml")) {
            demoUsers = (java.util.List<?>) new org.yaml.snakeyaml.Yaml().<java.util.Map<String, Object>>load(in).get("users");
        }
        assertThat(json(send("admin", "GET", "/api/admin/users", null))).extracting(u -> u.get("username").asText())
                .as("every user of the demo organization").hasSize(demoUsers.size()).contains("admin", "leader", "czj", "czj-ys");
    }

    @Test
    void theServerSaysInOneLineWhereItIsAndWhoCanSignIn(CapturedOutput output) {
        List<String> ready = output.getAll().lines().filter(l -> l.contains("已就绪")).toList();
        assertThat(ready).hasSize(1);
        assertThat(ready.get(0)).contains("http://localhost:" + port + "/", "admin 政务公开办", "sfj 区司法局经办人", "demo");
    }

    @Test
    void camundaRestAndWebappsAreForTheOperatorOnly() throws Exception {
        assertThat(send("fgj", "GET", "/engine-rest/engine", null).statusCode()).isEqualTo(403);
        assertThat(send("admin", "GET", "/engine-rest/engine", null).statusCode()).isEqualTo(403);
        assertThat(send(null, "GET", "/engine-rest/engine", null).statusCode()).isEqualTo(401);
        HttpResponse<String> engines = send("ops", "GET", "/engine-rest/engine", null);
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("default");
        HttpResponse<String> cockpit = send(null, "GET", "/camunda/app/cockpit/default/", null);
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void apiIsDocumented() throws Exception {
        HttpResponse<String> docs = send(null, "GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/tasks/{id}/complete", "/api/items/{id}", "/api/plans/import");
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        List<String> api = Endpoints.of(mappings).keySet().stream().filter(e -> e.contains(" /api/")).toList();
        assertThat(api).hasSizeGreaterThan(30);
        List<String> undocumented = api.stream()
                .filter(e -> {
                    JsonNode path = paths.get(e.substring(e.indexOf(' ') + 1));
                    return path == null || !path.has(e.substring(0, e.indexOf(' ')).toLowerCase());
                }).toList();
        assertThat(undocumented).as("every /api endpoint is in the OpenAPI document").isEmpty();
    }

    @Test
    void oversizedInputIsRefusedWithAMessage() throws Exception {
        int plans = json(send("admin", "GET", "/api/plans", null)).size();
        // an upload over spring.servlet.multipart.max-file-size (20 MB), refused by the server before any controller
        String boundary = "duban-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 21 * 1024 * 1024 + tail.length];
        java.util.Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(upload.body()).get("error").asText()).isEqualTo("上传文件过大");
        // a JSON body over duban.max-body (2 MB)
        HttpResponse<String> json = send("sfj", "POST", "/api/tasks/none/progress", "{\"summary\":\"" + "长".repeat(1_000_000) + "\"}");
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(json.body()).get("error").asText()).startsWith("请求体过大");
        assertThat(json(send("admin", "GET", "/api/plans", null)).size()).as("nothing imported").isEqualTo(plans);
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
