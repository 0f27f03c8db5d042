package cn.duban.plan;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.CalendarWarning;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;
import cn.duban.web.SignedIn;

/**
 * 导入计划 and the plan's page: a document imported into a preview that the office corrects (edit, add, delete, split,
 * merge, move) and launches; the same services and checks as the API.
 */
@Controller
public class PlanPages {

    private final SignedIn signedIn;
    private final PlanService planService;
    private final PlanStore plans;
    private final PlanPreview preview;
    private final CalendarWarning calendarWarning;

    public PlanPages(SignedIn signedIn, PlanService planService, PlanStore plans, PlanPreview preview, CalendarWarning calendarWarning) {
        this.signedIn = signedIn;
        this.planService = planService;
        this.plans = plans;
        this.preview = preview;
        this.calendarWarning = calendarWarning;
    }

    /** 计划: every plan, newest year first, with its status, items and the pages and files that belong to it. */
    @GetMapping("/plans")
    public String plans(Paging paging, Model model) {
        signedIn.into(model);
        Paging.Page<PlanRecord> page = plans.plans(PlanStore.Order.BY_YEAR, paging);
        model.addAttribute("plans", page.rows());
        model.addAttribute("pager", Paged.pager(page));
        return "plans";
    }

    @GetMapping("/plans/import")
    public String importForm(Model model) {
        signedIn.into(model);
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
            long planId = planService.importPlan(content, name, year, signedIn.user().username()).planId();
            return "redirect:/plans/" + planId;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            signedIn.into(model);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("text", text);
            model.addAttribute("year", year);
            return "import";
        }
    }

    /** The import preview: the plan's items as read, with the parser's warnings; the office corrects and launches here. */
    @GetMapping("/plans/{id}")
    public String plan(@PathVariable long id, Paging paging, Model model) {
        UserAccount user = signedIn.into(model);
        PlanRecord plan = previewModel(id, paging, model);
        if (user.isAdmin()) {
            model.addAttribute("calendarMissing", calendarWarning.missing(plan.year()));
        }
        return "plan";
    }

    /**
     * The plan, a page of its items the caller may see, and whether the caller may correct them (the office, before
     * launch); the preview's changes (htmx) send the page they were made on (hx-vals), to show it again.
     */
    private PlanRecord previewModel(long planId, Paging paging, Model model) {
        UserAccount user = signedIn.user();
        PlanRecord plan = plans.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        PlanPreview.Shown shown = preview.shown(plan, user, paging);
        model.addAttribute("plan", plan);
        model.addAttribute("items", shown.page().rows());
        model.addAttribute("paging", paging);
        model.addAttribute("pager", Paged.pager(shown.page()));
        model.addAttribute("editable", user.isAdmin() && plan.status() == PlanRecord.Status.IMPORTED);
        model.addAttribute("chapters", shown.chapters());
        model.addAttribute("toCheck", shown.toCheck());
        model.addAttribute("checks", shown.toCheck().stream().collect(java.util.stream.Collectors.toMap(PlanPreview.Check::itemId, c -> c)));
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
                           @RequestParam(required = false) Deadline.Frequency frequency, Paging paging, Model model,
                           jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("i", preview.edit(id, pageEdit(text, leadUnits, responsibleUnits, cooperatingUnits, due,
                    deadline, frequency), signedIn.user().username()));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            response.setHeader("HX-Reswap", "none"); // the row keeps what was typed
            model.addAttribute("error", e.getMessage());
            model.addAttribute("itemId", id);
            return "plan :: rowError";
        }
        previewModel(planOf(id), paging, model);
        return "plan :: saved";
    }

    /** An item added to the preview (htmx), after the item or at the end of the chapter chosen in {@code position}. */
    @PostMapping("/plans/{id}/items")
    public String addItem(@PathVariable long id, @RequestParam String position, @RequestParam(required = false) String text,
                          @RequestParam(required = false) String leadUnits, @RequestParam(required = false) String responsibleUnits,
                          @RequestParam(required = false) String cooperatingUnits, @RequestParam(required = false) LocalDate due,
                          @RequestParam(required = false) Deadline.Kind deadline,
                          @RequestParam(required = false) Deadline.Frequency frequency, Paging paging, Model model,
                          jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(id, paging, model, response, () -> preview.add(id,
                position.startsWith("after:") ? Long.valueOf(position.substring(6)) : null,
                position.startsWith("chapter:") ? position.substring(8) : null,
                pageEdit(text, leadUnits, responsibleUnits, cooperatingUnits, due, deadline, frequency), signedIn.user().username()));
    }

    @PostMapping("/plans/items/{id}/delete")
    public String deleteItem(@PathVariable long id, Paging paging, Model model,
                             jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), paging, model, response, () -> preview.delete(id, signedIn.user().username()));
    }

    /** Splits the item at {@code at}, the caret's place in its text (js/plan.js). */
    @PostMapping("/plans/items/{id}/split")
    public String splitItem(@PathVariable long id, @RequestParam(required = false) Integer at, Paging paging, Model model,
                            jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), paging, model, response,
                () -> preview.split(id, new PlanPreview.Split(at, null), signedIn.user().username()));
    }

    @PostMapping("/plans/items/{id}/merge")
    public String mergeItem(@PathVariable long id, @RequestParam(required = false) PlanPreview.Neighbour into, Paging paging,
                            Model model, jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), paging, model, response,
                () -> preview.merge(id, new PlanPreview.Merge(into), signedIn.user().username()));
    }

    @PostMapping("/plans/items/{id}/move")
    public String moveItem(@PathVariable long id, @RequestParam(required = false) String chapter, Paging paging, Model model,
                           jakarta.servlet.http.HttpServletResponse response) {
        return previewChange(planOf(id), paging, model, response,
                () -> preview.move(id, new PlanPreview.Move(chapter), signedIn.user().username()));
    }

    private long planOf(long itemId) {
        return plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId)).planId();
    }

    /** A change of the preview's items (htmx): the whole preview again, with the reason in place when it was refused. */
    private String previewChange(long planId, Paging paging, Model model, jakarta.servlet.http.HttpServletResponse response,
                                 Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        previewModel(planId, paging, model);
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

    @PostMapping("/plans/{id}/launch")
    public String launch(@PathVariable long id) {
        planService.launch(id, signedIn.user().username());
        return "redirect:/plans/" + id;
    }
}
