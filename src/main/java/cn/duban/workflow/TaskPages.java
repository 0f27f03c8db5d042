package cn.duban.workflow;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.system.Today;
import cn.duban.web.SignedIn;
import cn.duban.workflow.OpenTasks.TaskView;

/**
 * 我的任务 and 任务详情: the caller's open tasks, an item's page and the forms of the caller's task on it; the same
 * services and authorization as the API (a unit user never sees another unit's data).
 */
@Controller
public class TaskPages {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final ItemViews items;
    private final PlanStore plans;
    private final WorkCalendar calendar;
    private final Today today;

    public TaskPages(SignedIn signedIn, SupervisionTasks tasks, ItemViews items, PlanStore plans, WorkCalendar calendar,
                     Today today) {
        this.signedIn = signedIn;
        this.tasks = tasks;
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
        model.addAttribute("left", workingDaysLeft(list));
        model.addAttribute("step", step);
        model.addAttribute("colour", colour);
        return "tasks";
    }

    /** 任务详情: the item, its units, deadline and trail, and the forms of the caller's open task on it. */
    @GetMapping("/items/{id}")
    public String item(@PathVariable long id, Model model) {
        UserAccount user = signedIn.into(model);
        ItemViews.ItemView view = items.of(id, user);
        model.addAttribute("view", view);
        model.addAttribute("task", view.openTasks().stream().filter(t -> tasks.canAct(t, user)).findFirst().orElse(null));
        model.addAttribute("today", today.date());
        model.addAttribute("left", workingDaysLeft(view.openTasks()));
        return "item";
    }

    @PostMapping("/tasks/{id}/complete")
    public String complete(@PathVariable String id, @RequestParam long itemId, @RequestParam(required = false) String summary,
                           @RequestParam(required = false) Integer percent, @RequestParam(required = false) String evidence,
                           @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
                           @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        UserAccount user = signedIn.user();
        try {
            TaskCompletion body = completion(summary, percent, evidence, decision, comment);
            if (file != null && !file.isEmpty()) {
                long attachment = tasks.attach(id, file, user);
                body = new TaskCompletion(body.summary(), body.percent(), body.evidence(), List.of(attachment), null, null,
                        null, null, null, null, null);
            }
            tasks.complete(id, body, user);
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, summary, percent, evidence, comment, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /** Input the service refused (400): the item's page again, with the message in place and the input kept. */
    private String refusedInPlace(ApiException e, long itemId, String summary, Integer percent, String evidence,
                                  String comment, Model model) {
        if (e.status() != HttpStatus.BAD_REQUEST) {
            throw e;
        }
        model.addAttribute("error", e.getMessage());
        model.addAttribute("summary", summary);
        model.addAttribute("percent", percent);
        model.addAttribute("evidence", evidence);
        model.addAttribute("comment", comment);
        return item(itemId, model);
    }

    /** An evidence file, for whoever may see its item. */
    @GetMapping("/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return items.attachment(id, signedIn.user());
    }

    @PostMapping("/tasks/{id}/progress")
    public String progress(@PathVariable String id, @RequestParam long itemId, @RequestParam String summary,
                           @RequestParam Integer percent, @RequestParam(required = false) String evidence, Model model) {
        try {
            tasks.progress(id, completion(summary, percent, evidence, null, null), signedIn.user());
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, summary, percent, evidence, null, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    @PostMapping("/tasks/{id}/urge")
    public String urge(@PathVariable String id, @RequestParam long itemId, @RequestParam(required = false) String note) {
        tasks.urge(id, note, signedIn.user());
        return "redirect:/items/" + itemId + "?done";
    }

    private Map<String, Integer> workingDaysLeft(List<TaskView> list) {
        Map<String, Integer> left = new HashMap<>();
        LocalDate now = today.date();
        list.stream().filter(t -> t.due() != null).forEach(t -> left.put(t.id(), calendar.workingDaysBetween(now, t.due())));
        return left;
    }

    private static TaskCompletion completion(String summary, Integer percent, String evidence, String decision, String comment) {
        List<String> links = evidence == null ? List.of() : Arrays.stream(evidence.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        links.forEach(Links::check); // before an attachment is stored
        return new TaskCompletion(summary, percent, links, List.of(), decision, comment, null, null, null, null, null);
    }
}
