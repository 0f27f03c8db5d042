package cn.duban.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.system.Today;
import cn.duban.notify.Notifications;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.ItemEdit;
import cn.duban.plan.PlanPreview;
import cn.duban.plan.PlanService;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.PlanStore;
import cn.duban.report.Statistics;
import cn.duban.rules.CalendarWarning;
import cn.duban.rules.WorkCalendar;
import cn.duban.security.Caller;
import cn.duban.security.LoginAttempts;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.workflow.ItemViews;
import cn.duban.workflow.OpenTasks.TaskView;
import cn.duban.workflow.ProgressReports;
import cn.duban.workflow.Step;
import cn.duban.workflow.SupervisionTasks;
import cn.duban.workflow.TaskCompletion;

/**
 * The web pages: the same services and the same authorization as the API (a unit user never sees another unit's
 * data), rendered with Thymeleaf; htmx updates rows in place.
 */
@Controller
public class Pages {

    private final Caller caller;
    private final SupervisionTasks tasks;
    private final ItemViews items;
    private final ProgressReports reports;
    private final Statistics statistics;
    private final Notifications notifications;
    private final PlanService planService;
    private final PlanStore plans;
    private final WorkCalendar calendar;
    private final cn.duban.lookback.LookBackController lookBackApi;
    private final Today today;
    private final LoginAttempts loginAttempts;
    private final CalendarWarning calendarWarning;
    private final PlanPreview preview;

    public Pages(Caller caller, SupervisionTasks tasks, ItemViews items, ProgressReports reports, Statistics statistics,
                 Notifications notifications, PlanService planService, PlanStore plans, WorkCalendar calendar,
                 cn.duban.lookback.LookBackController lookBackApi, Today today, LoginAttempts loginAttempts,
                 CalendarWarning calendarWarning, PlanPreview preview) {
        this.calendarWarning = calendarWarning;
        this.preview = preview;
        this.caller = caller;
        this.tasks = tasks;
        this.items = items;
        this.reports = reports;
        this.statistics = statistics;
        this.notifications = notifications;
        this.planService = planService;
        this.plans = plans;
        this.calendar = calendar;
        this.lookBackApi = lookBackApi;
        this.today = today;
        this.loginAttempts = loginAttempts;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("lockMinutes", loginAttempts.windowMinutes());
        return "login";
    }

    /** 我的任务: the caller's open tasks with their colour and working days left, earliest due first. */
    @GetMapping("/")
    public String workbench(@RequestParam(required = false) Step step, @RequestParam(required = false) Long plan,
                            @RequestParam(required = false) String unit, @RequestParam(required = false) String colour,
                            Model model) {
        UserAccount user = user(model);
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
        UserAccount user = user(model);
        ItemViews.ItemView view = items.of(id, user);
        model.addAttribute("view", view);
        model.addAttribute("task", view.openTasks().stream().filter(t -> tasks.canAct(t, user)).findFirst().orElse(null));
        model.addAttribute("today", today());
        return "item";
    }

    @PostMapping("/tasks/{id}/complete")
    public String complete(@PathVariable String id, @RequestParam long itemId, @RequestParam(required = false) String summary,
                           @RequestParam(required = false) Integer percent, @RequestParam(required = false) String evidence,
                           @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
                           @RequestParam(value = "file", required = false) MultipartFile file, Model model) {
        UserAccount user = caller.current();
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
    public org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return items.attachment(id, caller.current());
    }

    @PostMapping("/tasks/{id}/progress")
    public String progress(@PathVariable String id, @RequestParam long itemId, @RequestParam String summary,
                           @RequestParam Integer percent, @RequestParam(required = false) String evidence, Model model) {
        try {
            tasks.progress(id, completion(summary, percent, evidence, null, null), caller.current());
        } catch (ApiException e) {
            return refusedInPlace(e, itemId, summary, percent, evidence, null, model);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    @PostMapping("/tasks/{id}/urge")
    public String urge(@PathVariable String id, @RequestParam long itemId, @RequestParam(required = false) String note) {
        tasks.urge(id, note, caller.current());
        return "redirect:/items/" + itemId + "?done";
    }

    /** 审核: every submission waiting for review, with what was handed in. */
    @GetMapping("/reviews")
    public String reviews(Model model) {
        UserAccount user = user(model);
        List<TaskView> queue = tasks.list(user, null, Step.REVIEW, null);
        Map<String, ProgressReports.Report> handedIn = new HashMap<>();
        queue.forEach(t -> reports.awaitingReview(t.itemId(), t.unit()).ifPresent(r -> handedIn.put(t.id(), r)));
        model.addAttribute("tasks", queue);
        model.addAttribute("handedIn", handedIn);
        return "reviews";
    }

    /** One review decided in place (htmx): the row turns into the outcome. */
    @PostMapping("/reviews/{id}")
    public String review(@PathVariable String id, @RequestParam String decision, @RequestParam(required = false) String comment,
                         Model model) {
        tasks.complete(id, completion(null, null, null, decision, comment), caller.current());
        model.addAttribute("decision", decision);
        return "reviews :: decided";
    }

    @PostMapping("/reviews/approve")
    public String approveAll(@RequestParam(name = "task", required = false) List<String> selected) {
        UserAccount user = caller.current();
        for (String id : selected == null ? List.<String>of() : selected) {
            tasks.complete(id, completion(null, null, null, "APPROVE", null), user);
        }
        return "redirect:/reviews";
    }

    /** 督办看板: status and colour counts, completion by unit, the year's trend, the overdue list. */
    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) Long plan, Model model) {
        UserAccount user = user(model);
        model.addAttribute("stats", statistics.dashboard(user, plan, today()));
        model.addAttribute("maxAge", statistics.maxAge().toSeconds());
        if (user.isAdmin()) {
            model.addAttribute("calendarWarning", calendarWarning.check());
        }
        return "dashboard";
    }

    @GetMapping("/notifications")
    public String inbox(Model model) {
        UserAccount user = user(model);
        model.addAttribute("notifications", notifications.inbox(user, false, 200));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    public String read(@PathVariable long id, Model model) {
        if (!notifications.markRead(id, caller.current())) {
            throw ApiException.notFound("通知不存在: " + id);
        }
        model.addAttribute("read", true);
        return "notifications :: read";
    }

    @GetMapping("/plans/import")
    public String importForm(Model model) {
        user(model);
        return "import";
    }

    /** Imports a plan and shows its preview; a refused document stays on the form, the reason shown above it. */
    @PostMapping("/plans/import")
    public String importPlan(@RequestParam(value = "file", required = false) MultipartFile file,
                             @RequestParam(required = false) String text, @RequestParam(required = false) Integer year,
                             Model model, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        try {
            if (!uploaded && (text == null || text.isBlank())) {
                throw ApiException.badRequest("请上传计划文件或粘贴计划全文");
            }
            byte[] content = uploaded ? file.getBytes() : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String name = uploaded && file.getOriginalFilename() != null ? file.getOriginalFilename() : "粘贴的计划.txt";
            long planId = planService.importPlan(content, name, year, caller.current().username()).planId();
            return "redirect:/plans/" + planId;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            user(model);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("text", text);
            model.addAttribute("year", year);
            return "import";
        }
    }

    /** The import preview: the plan's items as read, with the parser's warnings; the office corrects and launches here. */
    @GetMapping("/plans/{id}")
    public String plan(@PathVariable long id, Model model) {
        UserAccount user = user(model);
        cn.duban.plan.PlanRecord plan = previewModel(id, model);
        if (user.isAdmin()) {
            model.addAttribute("calendarWarning", calendarWarning.check(plan.year()));
        }
        return "plan";
    }

    /** The plan, its items the caller may see, and whether the caller may correct them (the office, before launch). */
    private cn.duban.plan.PlanRecord previewModel(long planId, Model model) {
        UserAccount user = caller.current();
        cn.duban.plan.PlanRecord plan = plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        List<Item> visible = plans.items(planId).stream().filter(i -> user.seesAll() || items.visible(i, user)).toList();
        model.addAttribute("plan", plan);
        model.addAttribute("items", visible);
        model.addAttribute("editable", user.isAdmin() && plan.status() == cn.duban.plan.PlanRecord.Status.IMPORTED);
        model.addAttribute("chapters", PlanPreview.chapters(plan, visible));
        List<PlanPreview.Check> toCheck = PlanPreview.toCheck(visible);
        model.addAttribute("toCheck", toCheck);
        model.addAttribute("checks", toCheck.stream().collect(java.util.stream.Collectors.toMap(PlanPreview.Check::itemId, c -> c)));
        return plan;
    }

    /**
     * An item corrected in the import preview (htmx): the row comes back in place as it now reads, with the plan's
     * warnings; a refused correction leaves the row as typed and shows the reason in it.
     */
    @PostMapping("/plans/items/{id}")
    public String editItem(@PathVariable long id, @RequestParam(required = false) String text,
                           @RequestParam(required = false) String leadUnits, @RequestParam(required = false) String responsibleUnits,
                           @RequestParam(required = false) String cooperatingUnits, @RequestParam(required = false) LocalDate due,
                           @RequestParam(required = false) Deadline.Kind deadline,
                           @RequestParam(required = false) Deadline.Frequency frequency, Model model,
                           jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("i", preview.edit(id, pageEdit(text, leadUnits, responsibleUnits, cooperatingUnits, due,
                    deadline, frequency), caller.current().username()));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            response.setHeader("HX-Reswap", "none"); // the row keeps what was typed
            model.addAttribute("error", e.getMessage());
            model.addAttribute("itemId", id);
            return "plan :: rowError";
        }
        previewModel(planOf(id), model);
        return "plan :: saved";
    }

    /** An item added to the preview (htmx), after the item or at the end of the chapter chosen in {@code position}. */
    @PostMapping("/plans/{id}/items")
    public String addItem(@PathVariable long id, @RequestParam String position, @RequestParam(required = false) String text,
                          @RequestParam(required = false) String leadUnits, @RequestParam(required = false) String responsibleUnits,
                          @RequestParam(required = false) String cooperatingUnits, @RequestParam(required = false) LocalDate due,
                          @RequestParam(required = false) Deadline.Kind deadline,
                          @RequestParam(required = false) Deadline.Frequency frequency, Model model,
                          jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(id, model, response, () -> preview.add(id,
                position.startsWith("after:") ? Long.valueOf(position.substring(6)) : null,
                position.startsWith("chapter:") ? position.substring(8) : null,
                pageEdit(text, leadUnits, responsibleUnits, cooperatingUnits, due, deadline, frequency), caller.current().username()));
    }

    @PostMapping("/plans/items/{id}/delete")
    public String deleteItem(@PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), model, response, () -> preview.delete(id, caller.current().username()));
    }

    /** Splits the item at {@code at}, the caret's place in its text (js/plan.js). */
    @PostMapping("/plans/items/{id}/split")
    public String splitItem(@PathVariable long id, @RequestParam(required = false) Integer at, Model model,
                            jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), model, response,
                () -> preview.split(id, new PlanPreview.Split(at, null), caller.current().username()));
    }

    @PostMapping("/plans/items/{id}/merge")
    public String mergeItem(@PathVariable long id, @RequestParam(required = false) PlanPreview.Neighbour into, Model model,
                            jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), model, response,
                () -> preview.merge(id, new PlanPreview.Merge(into), caller.current().username()));
    }

    @PostMapping("/plans/items/{id}/move")
    public String moveItem(@PathVariable long id, @RequestParam(required = false) String chapter, Model model,
                           jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), model, response,
                () -> preview.move(id, new PlanPreview.Move(chapter), caller.current().username()));
    }

    private long planOf(long itemId) {
        return plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId)).planId();
    }

    /** A change of the preview's items (htmx): the whole preview again, with the reason in place when it was refused. */
    private String previewChange(long planId, Model model, jakarta.servlet.http.HttpServletResponse response, Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        previewModel(planId, model);
        return "plan :: preview";
    }

    /**
     * An edit as the preview's row or form sends it: units separated by 、 or commas (an empty field: none), a blank
     * choice is no choice, and a date typed while no deadline is chosen is a date deadline.
     */
    private static ItemEdit pageEdit(String text, String lead, String responsible, String cooperating, LocalDate due,
                                     Deadline.Kind deadline, Deadline.Frequency frequency) {
        return new ItemEdit(text, units(lead), units(responsible), units(cooperating), due,
                deadline == Deadline.Kind.NONE && due != null ? Deadline.Kind.DATE : deadline, frequency);
    }

    private static List<String> units(String field) {
        return field == null ? null
                : Arrays.stream(field.split("[、,，;；]")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    /** 回头看: last year's items matched to this year's, and the cases with their outcome. */
    @GetMapping("/lookback/{planId}")
    public String lookBack(@PathVariable long planId, Model model) {
        user(model);
        model.addAttribute("report", lookBackApi.report(planId, "json").getBody());
        model.addAttribute("matches", lookBackApi.matches(planId));
        return "lookback";
    }

    @PostMapping("/plans/{id}/launch")
    public String launch(@PathVariable long id) {
        planService.launch(id, caller.current().username());
        return "redirect:/plans/" + id;
    }

    private UserAccount user(Model model) {
        UserAccount user = caller.current();
        model.addAttribute("me", user);
        return user;
    }

    private LocalDate today() {
        return today.date();
    }

    private Map<String, Integer> workingDaysLeft(List<TaskView> list) {
        Map<String, Integer> left = new HashMap<>();
        list.stream().filter(t -> t.due() != null).forEach(t -> left.put(t.id(), calendar.workingDaysBetween(today(), t.due())));
        return left;
    }

    private static TaskCompletion completion(String summary, Integer percent, String evidence, String decision, String comment) {
        List<String> links = evidence == null ? List.of() : Arrays.stream(evidence.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        links.forEach(Links::check); // before an attachment is stored
        return new TaskCompletion(summary, percent, links, List.of(), decision, comment, null, null, null, null, null);
    }
}
