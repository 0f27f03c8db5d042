package cn.duban;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST API as the tests' users call it: HTTP Basic with the test organization's password. */
public class Api {

    public static final String PASSWORD = "pw";

    /** A response: its status, its JSON body (null when not JSON) and its raw text. */
    public record Response(int status, JsonNode body, String raw) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Response get(String user, String path) {
        return call(user, MockMvcRequestBuilders.get(path));
    }

    public Response post(String user, String path, String json) {
        return call(user, MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public Response upload(String user, String path, String filename, byte[] content) {
        return call(user, multipart(path).file(new MockMultipartFile("file", filename, "text/plain", content)));
    }

    /** Imports a plan written as text and launches it; returns the plan id. */
    public long launchPlan(String text) {
        Response imported = upload("admin", "/api/plans/import", "plan.txt", text.getBytes(StandardCharsets.UTF_8));
        if (imported.status() != 201) {
            throw new AssertionError("import failed: " + imported);
        }
        long planId = imported.body().get("planId").asLong();
        Response launched = post("admin", "/api/plans/" + planId + "/launch", "");
        if (launched.status() != 200) {
            throw new AssertionError("launch failed: " + launched);
        }
        return planId;
    }

    /** The user's open tasks of one plan. */
    public List<JsonNode> tasks(String user, long planId) {
        List<JsonNode> tasks = new ArrayList<>();
        get(user, "/api/tasks?size=1000&plan=" + planId).body().forEach(tasks::add);
        return tasks;
    }

    /** The one open task of the user in the plan for that step (and unit, when given). */
    public String task(String user, long planId, String step, String unit) {
        List<JsonNode> matching = tasks(user, planId).stream()
                .filter(t -> t.get("step").asText().equals(step))
                .filter(t -> unit == null || unit.equals(t.path("unit").asText()))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + step + " task for " + user + "/" + unit + ", found " + matching);
        }
        return matching.get(0).get("id").asText();
    }

    /** The office's sweep of a day, run on that day (the test's clock moved to it); it must succeed. */
    public JsonNode sweep(TestToday today, java.time.LocalDate day) {
        today.set(day);
        Response r = post("admin", "/api/admin/sweep?date=" + day, "");
        if (r.status() != 200) {
            throw new AssertionError("sweep of " + day + " failed: " + r.raw());
        }
        return r.body();
    }

    /** 签收: the user signs for the task; it must succeed. */
    public JsonNode sign(String user, String taskId) {
        Response r = post(user, "/api/tasks/" + taskId + "/sign", "");
        if (r.status() != 200) {
            throw new AssertionError("signing " + taskId + " failed: " + r.raw());
        }
        return r.body();
    }

    public Response complete(String user, String taskId, String json) {
        return post(user, "/api/tasks/" + taskId + "/complete", json);
    }

    public Response call(String user, MockHttpServletRequestBuilder request) {
        try {
            if (user != null) {
                request.with(httpBasic(user, PASSWORD));
            }
            MvcResult result = mvc.perform(request).andReturn();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            String type = result.getResponse().getContentType();
            boolean json = type != null && type.startsWith(MediaType.APPLICATION_JSON_VALUE) && !body.isEmpty();
            return new Response(result.getResponse().getStatus(), json ? JSON.readTree(body) : null, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
