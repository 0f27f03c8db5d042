package cn.duban.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.org.UserAccount;
import cn.duban.web.SignedIn;
import cn.duban.workflow.OpenTasks.TaskView;

/** 审核: the submissions waiting for review, decided one by one in place or approved together. */
@Controller
public class ReviewPages {

    private final SignedIn signedIn;
    private final SupervisionTasks tasks;
    private final ProgressReports reports;

    public ReviewPages(SignedIn signedIn, SupervisionTasks tasks, ProgressReports reports) {
        this.signedIn = signedIn;
        this.tasks = tasks;
        this.reports = reports;
    }

    /** 审核: every submission waiting for review, with what was handed in. */
    @GetMapping("/reviews")
    public String reviews(Model model) {
        UserAccount user = signedIn.into(model);
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
        tasks.complete(id, TaskCompletion.decision(decision, comment), signedIn.user());
        model.addAttribute("decision", decision);
        return "reviews :: decided";
    }

    @PostMapping("/reviews/approve")
    public String approveAll(@RequestParam(name = "task", required = false) List<String> selected) {
        UserAccount user = signedIn.user();
        for (String id : selected == null ? List.<String>of() : selected) {
            tasks.complete(id, TaskCompletion.decision("APPROVE", null), user);
        }
        return "redirect:/reviews";
    }
}
