package cn.duban.workflow;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.web.SignedIn;

/**
 * The forms of the caller's task on the item page: a step's completion, a progress report, 签收, 分解 and 延期申请,
 * through the same service as the API; input it refuses shows in place on the item page, kept.
 */
@Controller
public class TaskFormPages {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final ItemPage itemPage;

    public TaskFormPages(SignedIn signedIn, SupervisionTasks tasks, ItemPage itemPage) {
        this.signedIn = signedIn;
        this.tasks = tasks;
        this.itemPage = itemPage;
    }

    /** Any step's form: the fields of the task's step count (see {@link TaskCompletion}), as in the API. */
    @PostMapping("/tasks/{id}/complete")
    public String complete(@PathVariable String id, @RequestParam long itemId, @RequestParam(required = false) String summary,
                           @RequestParam(required = false) Integer percent, @RequestParam(required = false) String evidence,
                           @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
                           @RequestParam(required = false) List<String> leadUnits,
                           @RequestParam(required = false) List<String> responsibleUnits,
                           @RequestParam(required = false) List<String> cooperatingUnits,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                           @RequestParam(required = false) String rectification,
                           @RequestParam(required = false) String instructionAnswer,
                           @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        UserAccount user = signedIn.user();
        // a picker left empty names no unit (the form always shows the three)
        List<String> lead = picked(leadUnits);
        List<String> responsible = picked(responsibleUnits);
        List<String> cooperating = picked(cooperatingUnits);
        Map<String, Object> input = kept(summary, percent, evidence, instructionAnswer);
        input.put("decision", decision);
        input.put("comment", comment);
        input.put("leadUnits", lead);
        input.put("responsibleUnits", responsible);
        input.put("cooperatingUnits", cooperating);
        input.put("due", due);
        input.put("rectification", rectification);
        try {
            List<String> links = links(evidence); // checked before an attachment is stored
            List<Long> attachment = file != null && !file.isEmpty() ? List.of(tasks.attach(id, file, user)) : List.of();
            tasks.complete(id, new TaskCompletion(summary, percent, links, attachment, decision, comment, lead, responsible,
                    cooperating, due, rectification, instructionAnswer), user);
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, id, input, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /**
     * 分解 from the item's page: one row per child unit ({@code unit}, {@code due}, {@code note} in step); the rows
     * given a due date become sub-tasks. Bad input shows in place.
     */
    @PostMapping("/tasks/{id}/split")
    public String split(@PathVariable String id, @RequestParam long itemId,
                        @RequestParam org.springframework.util.MultiValueMap<String, String> form, Model model) {
        List<String> units = form.getOrDefault("unit", List.of());
        List<String> dues = form.getOrDefault("due", List.of());
        List<String> notes = form.getOrDefault("note", List.of());
        try {
            List<SubTasks.Part> parts = new java.util.ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                String due = i < dues.size() ? dues.get(i).strip() : "";
                if (!due.isEmpty()) {
                    parts.add(new SubTasks.Part(units.get(i), date(due), i < notes.size() ? notes.get(i) : null));
                }
            }
            tasks.split(id, new SubTasks.Split(parts), signedIn.user());
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, id, Map.of(), model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("日期格式应为 YYYY-MM-DD: " + text);
        }
    }

    /** 签收 from the task list (back to it) or the item's page ({@code itemId}: back to the item). */
    @PostMapping("/tasks/{id}/sign")
    public String sign(@PathVariable String id, @RequestParam(required = false) Long itemId) {
        tasks.sign(id, signedIn.user());
        return itemId == null ? "redirect:/?signed" : "redirect:/items/" + itemId + "?task=" + id;
    }

    /** Input the service refused (400): the item's page again, the same task's form, the message in place, the input kept. */
    private String refusedInPlace(ApiException e, long itemId, String taskId, Map<String, Object> input, Model model) {
        return itemPage.refusedInPlace(e, itemId, taskId, "error", input, model, HttpStatus.BAD_REQUEST);
    }

    /** 延期申请 from the item page; a refusal (no reason, too late a date, the table's limits) shows above its form. */
    @PostMapping("/tasks/{id}/extension")
    public String extension(@PathVariable String id, @RequestParam long itemId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                            @RequestParam(required = false) String reason, Model model) {
        try {
            tasks.extension(id, due, reason, signedIn.user());
        } catch (ApiException e) {
            Map<String, Object> input = new HashMap<>();
            input.put("extensionDue", due);
            input.put("extensionReason", reason);
            return itemPage.refusedInPlace(e, itemId, id, "extensionError", input, model, HttpStatus.BAD_REQUEST,
                    HttpStatus.CONFLICT);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    @PostMapping("/tasks/{id}/progress")
    public String progress(@PathVariable String id, @RequestParam long itemId, @RequestParam String summary,
                           @RequestParam Integer percent, @RequestParam(required = false) String evidence,
                           @RequestParam(required = false) String instructionAnswer, Model model) {
        try {
            tasks.progress(id, new TaskCompletion(summary, percent, links(evidence), List.of(), null, null, null, null,
                    null, null, null, instructionAnswer), signedIn.user());
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, id, kept(summary, percent, evidence, instructionAnswer), model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /** The input of a report, kept for the form when it is refused. */
    private static Map<String, Object> kept(String summary, Integer percent, String evidence, String instructionAnswer) {
        Map<String, Object> input = new HashMap<>();
        input.put("instructionAnswer", instructionAnswer);
        input.put("summary", summary);
        input.put("percent", percent);
        input.put("evidence", evidence);
        return input;
    }

    /** The evidence links, one a line, each checked. */
    private static List<String> links(String evidence) {
        List<String> links = evidence == null ? List.of() : Arrays.stream(evidence.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        links.forEach(Links::check);
        return links;
    }

    private static List<String> picked(List<String> units) {
        return units == null ? List.of() : units.stream().filter(u -> !u.isBlank()).toList();
    }
}
