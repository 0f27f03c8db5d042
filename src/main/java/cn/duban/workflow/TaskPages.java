package cn.duban.workflow;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.system.Today;
import cn.duban.web.SignedIn;
import cn.duban.workflow.OpenTasks.TaskView;

/**
 * 我的任务 and 任务详情: the caller's open tasks (待签收 apart from 办理中), an item's page and the forms of the caller's task on it; the same
 * services and authorization as the API (a unit user never sees another unit's data).
 */
@Controller
public class TaskPages {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final Urges urges;
    private final Instructions instructions;
    private final TaskCases cases;
    private final ItemViews items;
    private final PlanStore plans;
    private final WorkCalendar calendar;
    private final Today today;
    private final OrgDirectory directory;

    public TaskPages(SignedIn signedIn, SupervisionTasks tasks, Urges urges, Instructions instructions, TaskCases cases,
                     ItemViews items, PlanStore plans, WorkCalendar calendar, Today today, OrgDirectory directory) {
        this.directory = directory;
        this.signedIn = signedIn;
        this.tasks = tasks;
        this.urges = urges;
        this.instructions = instructions;
        this.cases = cases;
        this.items = items;
        this.plans = plans;
        this.calendar = calendar;
        this.today = today;
    }

    /** 我的任务: the caller's open tasks with their colour and working days left, earliest due first. */
    @GetMapping("/")
    public String workbench(@RequestParam(required = false) Step step, @RequestParam(required = false) Long plan,
                            @RequestParam(required = false) String unit, @RequestParam(required = false) String colour,
                            Model model) {
        UserAccount user = signedIn.into(model);
        List<TaskView> all = tasks.list(user, plan, step, null);
        List<TaskView> list = all.stream()
                .filter(t -> unit == null || unit.isBlank() || unit.equals(t.unit()))
                .filter(t -> colour == null || colour.isBlank() || colour.equals(t.colour())).toList();
        model.addAttribute("plans", plans.plans());
        model.addAttribute("units", all.stream().filter(t -> t.unit() != null)
                .collect(java.util.stream.Collectors.toMap(TaskView::unit, t -> t.unitName() == null ? t.unit() : t.unitName(),
                        (a, b) -> a, java.util.TreeMap::new)));
        model.addAttribute("plan", plan);
        model.addAttribute("unit", unit);
        model.addAttribute("tasks", list);
        // 待签收 (a unit's task nobody signed for yet) above 办理中 (the rest), then the child units' work the caller follows
        Map<Boolean, List<TaskView>> actionable = list.stream()
                .collect(java.util.stream.Collectors.partitioningBy(t -> tasks.canAct(t, user)));
        Map<Boolean, List<TaskView>> unsigned = actionable.get(true).stream()
                .collect(java.util.stream.Collectors.partitioningBy(t -> t.step() == Step.EXECUTE && t.signedBy() == null));
        Map<String, List<TaskView>> sections = new java.util.LinkedHashMap<>();
        sections.put("unsigned", unsigned.get(true));
        sections.put("tasks", unsigned.get(false));
        sections.put("children", actionable.get(false));
        model.addAttribute("sections", sections);
        model.addAttribute("left", workingDaysLeft(list));
        model.addAttribute("step", step);
        model.addAttribute("colour", colour);
        return "tasks";
    }

    /**
     * 任务详情: the item, its units, deadline and trail, the caller's open tasks on it (step and unit) and the form of
     * the one chosen ({@code task}, by default the first).
     */
    @GetMapping("/items/{id}")
    public String item(@PathVariable long id, @RequestParam(required = false) String task, Model model) {
        UserAccount user = signedIn.into(model);
        ItemViews.ItemView view = items.of(id, user);
        List<TaskView> mine = view.openTasks().stream().filter(t -> tasks.canAct(t, user)).toList();
        TaskView chosen = mine.stream().filter(t -> t.id().equals(task)).findFirst()
                .orElse(mine.isEmpty() ? null : mine.get(0));
        model.addAttribute("view", view);
        model.addAttribute("mine", mine);
        model.addAttribute("task", chosen);
        if (chosen != null && chosen.step() == Step.EXECUTE && chosen.unit() != null) {
            model.addAttribute("children", directory.children(chosen.unit()).stream() // those without an open part
                    .filter(c -> view.subTasks().stream().noneMatch(p -> p.unit().equals(c.code()) && p.approvedAt() == null))
                    .toList());
        }
        if (chosen != null && chosen.step() == Step.ASSIGN) {
            model.addAttribute("units", directory.units());
            model.addAttribute("groups", directory.groups());
        }
        model.addAttribute("lookBackCase", chosen == null ? null : cases.of(chosen).orElse(null));
        model.addAttribute("today", today.date());
        model.addAttribute("left", workingDaysLeft(view.openTasks()));
        return "item";
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

    /** 延期申请 from the item page; a refusal (no reason, too late a date, the table's limits) shows above its form. */
    @PostMapping("/tasks/{id}/extension")
    public String extension(@PathVariable String id, @RequestParam long itemId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                            @RequestParam(required = false) String reason, Model model) {
        try {
            tasks.extension(id, due, reason, signedIn.user());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            model.addAttribute("extensionError", e.getMessage());
            model.addAttribute("extensionDue", due);
            model.addAttribute("extensionReason", reason);
            return item(itemId, id, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /** Input the service refused (400): the item's page again, the same task's form, the message in place, the input kept. */
    private String refusedInPlace(ApiException e, long itemId, String taskId, Map<String, Object> input, Model model) {
        if (e.status() != HttpStatus.BAD_REQUEST) {
            throw e;
        }
        model.addAttribute("error", e.getMessage());
        model.addAllAttributes(input);
        return item(itemId, taskId, model);
    }

    /** An evidence file, for whoever may see its item. */
    @GetMapping("/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return items.attachment(id, signedIn.user());
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

    /** 催办 the open task the user chose on the item page; a refusal (urged within the hour) shows above the form. */
    @PostMapping("/items/{id}/urge")
    public String urge(@PathVariable("id") long itemId, @RequestParam String task, @RequestParam(required = false) String note,
                       Model model) {
        try {
            urges.urge(task, note, signedIn.user());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.TOO_MANY_REQUESTS) {
                throw e;
            }
            model.addAttribute("urgeError", e.getMessage());
            return item(itemId, null, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /** 领导批示 from the item page (ADMIN, SUPERVISOR); bad input (no text) shows above the form, the text kept. */
    @PostMapping("/items/{id}/instructions")
    public String instruct(@PathVariable("id") long itemId, @RequestParam(required = false) String text,
                           @RequestParam(required = false) String unit, Model model) {
        try {
            instructions.add(itemId, text, unit, signedIn.user());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            model.addAttribute("instructionError", e.getMessage());
            model.addAttribute("instructionText", text);
            return item(itemId, null, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    private Map<String, Integer> workingDaysLeft(List<TaskView> list) {
        Map<String, Integer> left = new HashMap<>();
        LocalDate now = today.date();
        list.stream().filter(t -> t.due() != null).forEach(t -> left.put(t.id(), calendar.workingDaysBetween(now, t.due())));
        return left;
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
