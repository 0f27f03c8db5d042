package cn.duban.workflow;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.org.UserAccount;
import cn.duban.workflow.OpenTasks.OpenTask;
import cn.duban.workflow.ProgressReports.Decision;

/**
 * 分解's 审核: the parent unit approves its child unit's hand-in on a sub-task (the part is done) or returns it with a
 * comment; unlike the office's review, the item's returns and escalation stay as they are.
 */
@Component
class SubReviewStep implements StepHandler {

    private final ReviewStep review;
    private final SubTasks subTasks;
    private final ItemHistory history;
    private final TaskService engineTasks;

    SubReviewStep(ReviewStep review, SubTasks subTasks, ItemHistory history, TaskService engineTasks) {
        this.review = review;
        this.subTasks = subTasks;
        this.history = history;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.SUB_REVIEW;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        ReviewStep.Decided decided = review.decide(task, body, user);
        if (decided.decision() == Decision.APPROVE) {
            subTasks.approve(task.part());
        }
        history.record(task.itemId(), user.username(), Step.SUB_REVIEW, decided.action(), task.unit(), decided.comment());
        engineTasks.complete(task.id(), Map.of("approved", decided.decision() == Decision.APPROVE));
    }
}
