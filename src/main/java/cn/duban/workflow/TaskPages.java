package cn.duban.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.system.Paging;
import cn.duban.web.Paged;
import cn.duban.web.SignedIn;
import cn.duban.workflow.OpenTasks.TaskView;

/**
 * 我的任务 and 任务详情: the caller's open tasks (待签收 apart from 办理中) and an item's page; the same services and
 * authorization as the API (a unit user never sees another unit's data). The forms on the item page post to
 * {@link TaskFormPages} (the caller's task) and {@link SupervisionPages} (催办, 批示).
 */
@Controller
public class TaskPages {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final ItemViews items;
    private final PlanStore plans;
    private final ItemPage itemPage;

    public TaskPages(SignedIn signedIn, SupervisionTasks tasks, ItemViews items, PlanStore plans, ItemPage itemPage) {
        this.signedIn = signedIn;
        this.tasks = tasks;
        this.items = items;
        this.plans = plans;
        this.itemPage = itemPage;
    }

    /**
     * 我的任务: a page of the caller's open tasks with their colour and working days left, earliest due first, the
     * page's tasks in their sections. The list is in memory already (the unit choice lists every unit of it).
     */
    @GetMapping("/")
    public String workbench(@RequestParam(required = false) Step step, @RequestParam(required = false) Long plan,
                            @RequestParam(required = false) String unit, @RequestParam(required = false) String colour,
                            Paging paging, Model model) {
        UserAccount user = signedIn.into(model);
        List<TaskView> all = tasks.list(user, plan, step, null);
        Paging.Page<TaskView> page = paging.slice(all.stream()
                .filter(t -> unit == null || unit.isBlank() || unit.equals(t.unit()))
                .filter(t -> colour == null || colour.isBlank() || colour.equals(t.colour())).toList());
        List<TaskView> list = page.rows();
        model.addAttribute("pager", Paged.pager(page));
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
        model.addAttribute("left", itemPage.workingDaysLeft(list));
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
        return itemPage.render(id, task, model);
    }

    /** An evidence file, for whoever may see its item. */
    @GetMapping("/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return items.attachment(id, signedIn.user());
    }
}
