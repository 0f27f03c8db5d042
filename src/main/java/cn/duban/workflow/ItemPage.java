package cn.duban.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.web.SignedIn;
import cn.duban.workflow.OpenTasks.TaskView;

/**
 * 任务详情's model: the item, its units, deadline and trail, its process drawn with the steps open now, the caller's open tasks on it (step and unit) and the
 * form of the one chosen; rendered by the page, and again with a refusal in place by the forms posted from it.
 */
@Component
class ItemPage {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final ItemViews items;
    private final TaskCases cases;
    private final OrgDirectory directory;
    private final WorkCalendar calendar;
    private final Today today;
    private final ItemProcess process;

    ItemPage(SignedIn signedIn, SupervisionTasks tasks, ItemViews items, TaskCases cases, OrgDirectory directory,
             WorkCalendar calendar, Today today, ItemProcess process) {
        this.signedIn = signedIn;
        this.tasks = tasks;
        this.items = items;
        this.cases = cases;
        this.directory = directory;
        this.calendar = calendar;
        this.today = today;
        this.process = process;
    }

    /** The item page with the form of the caller's task {@code task} (by default the first). */
    String render(long id, String task, Model model) {
        UserAccount user = signedIn.into(model);
        ItemViews.ItemView view = items.of(id, user);
        List<TaskView> mine = view.openTasks().stream().filter(t -> tasks.canAct(t, user)).toList();
        TaskView chosen = mine.stream().filter(t -> t.id().equals(task)).findFirst()
                .orElse(mine.isEmpty() ? null : mine.get(0));
        model.addAttribute("view", view);
        model.addAttribute("process", process.of(view.item()).orElse(null));
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

    /**
     * Input the service refused ({@code shown}: the statuses shown in place, else the error page): the item's page
     * again, the same task's form, the message under {@code error}, the input kept.
     */
    String refusedInPlace(ApiException e, long itemId, String taskId, String error, Map<String, Object> input, Model model,
                          HttpStatus... shown) {
        if (!List.of(shown).contains(e.status())) {
            throw e;
        }
        model.addAttribute(error, e.getMessage());
        model.addAllAttributes(input);
        return render(itemId, taskId, model);
    }

    /** The working days left to each task's due date, by task id. */
    Map<String, Integer> workingDaysLeft(List<TaskView> list) {
        Map<String, Integer> left = new HashMap<>();
        LocalDate now = today.date();
        list.stream().filter(t -> t.due() != null).forEach(t -> left.put(t.id(), calendar.workingDaysBetween(now, t.due())));
        return left;
    }
}
