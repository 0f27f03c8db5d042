package cn.duban.workflow;

import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.notify.Notifications;
import cn.duban.security.Caller;
import cn.duban.system.Paging;
import cn.duban.web.Paged;
import cn.duban.workflow.OpenTasks.TaskView;

@RestController
public class TaskController {

    private final SupervisionTasks tasks;
    private final Urges urges;
    private final Caller caller;

    public TaskController(SupervisionTasks tasks, Urges urges, Caller caller) {
        this.tasks = tasks;
        this.urges = urges;
        this.caller = caller;
    }

    /**
     * The caller's open tasks, earliest due first; optionally one plan, step or unit. The list is sliced in memory:
     * the due of recurring work is the end of the period owed, reckoned per row in Java, so SQL cannot order it.
     */
    @GetMapping("/api/tasks")
    public ResponseEntity<List<TaskView>> list(@RequestParam(required = false) Long plan, @RequestParam(required = false) Step step,
                                               @RequestParam(required = false) String unit, @ParameterObject Paging paging) {
        return Paged.response(paging.slice(tasks.list(caller.current(), plan, step, unit)));
    }

    /** Hands in (EXECUTE), decides (REVIEW, EXTEND) or confirms (ASSIGN) the task; see {@link TaskCompletion}. */
    @PostMapping(value = "/api/tasks/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> complete(@PathVariable String id, @RequestBody TaskCompletion body) {
        tasks.complete(id, body, caller.current());
        return Map.of("completed", id);
    }

    /** An interim progress report on an EXECUTE task; the task stays open. */
    @PostMapping(value = "/api/tasks/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> progress(@PathVariable String id, @RequestBody TaskCompletion body) {
        return Map.of("reportId", tasks.progress(id, body, caller.current()));
    }

    /**
     * 签收 (the task's unit, or the office for it): the unit confirms it received its EXECUTE task. Signing again
     * changes nothing and answers the first signature; reporting or handing in unsigned signs too.
     */
    @PostMapping("/api/tasks/{id}/sign")
    public OpenTasks.Signature sign(@PathVariable String id) {
        return tasks.sign(id, caller.current());
    }

    /** 延期申请: the new due date the unit asks for its part of the item, and why. */
    public record ExtensionAsked(java.time.LocalDate due, String reason) {}

    /**
     * 延期申请 (the task's unit, or the office for it): asks for a later due date for the unit's part of the item, on
     * its open EXECUTE task; a 延期审批 (EXTEND) task opens for the supervisors. Refused (409) while another request
     * waits, or beyond the limits of rules/extension.drl.csv.
     */
    @PostMapping(value = "/api/tasks/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    public Extensions.Extension extension(@PathVariable String id, @RequestBody ExtensionAsked body) {
        return tasks.extension(id, body.due(), body.reason(), caller.current());
    }

    /**
     * 分解 (the task's unit, or the office for it): splits an open EXECUTE task into sub-tasks for the unit's child
     * units, each with its own due date no later than the task's; the unit hands in only once all are approved.
     */
    @PostMapping(value = "/api/tasks/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    public List<SubTasks.SubTask> split(@PathVariable String id, @RequestBody SubTasks.Split body) {
        return tasks.split(id, body, caller.current());
    }

    /** A note to go with an urge. */
    public record Urge(String note) {}

    /** 催办 (ADMIN, SUPERVISOR): urges the task's holder now, with a note; at most once an hour per task. */
    @PostMapping("/api/tasks/{id}/urge")
    public Notifications.Notification urge(@PathVariable String id, @RequestBody(required = false) Urge body) {
        return urges.urge(id, body == null ? null : body.note(), caller.current());
    }

    /** Uploads an evidence file; reference its id in the report's "attachments". */
    @PostMapping(value = "/api/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, Object> attach(@PathVariable String id, @RequestParam("file") MultipartFile file) {
        return Map.of("id", tasks.attach(id, file, caller.current()), "filename", String.valueOf(file.getOriginalFilename()));
    }
}
