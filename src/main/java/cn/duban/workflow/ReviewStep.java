package cn.duban.workflow;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.org.UserAccount;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;
import cn.duban.workflow.ProgressReports.Decision;

/** 审核: the reviewer approves the unit's hand-in (its escalation starts over) or returns it with a comment. */
@Component
class ReviewStep implements StepHandler {

    private final ProgressReports reports;
    private final PlanStore plans;
    private final ItemHistory history;
    private final TaskService engineTasks;

    ReviewStep(ProgressReports reports, PlanStore plans, ItemHistory history, TaskService engineTasks) {
        this.reports = reports;
        this.plans = plans;
        this.history = history;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.REVIEW;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        Decided decided = decide(task, body, user);
        if (decided.decision() == Decision.RETURN) {
            plans.countReturn(task.itemId());
        } else {
            plans.setEscalationLevel(task.itemId(), 0); // the owed report is in: escalation starts over
        }
        history.record(task.itemId(), user.username(), Step.REVIEW, decided.action(), task.unit(), decided.comment());
        engineTasks.complete(task.id(), Map.of("approved", decided.decision() == Decision.APPROVE));
    }

    /** A review's decision and comment, and the trail's action for it. */
    record Decided(Decision decision, String comment) {

        Action action() {
            return decision == Decision.APPROVE ? Action.APPROVED : Action.RETURNED;
        }
    }

    /** The body's decision (a return needs a comment) on the unit's hand-in awaiting review, recorded on the report. */
    Decided decide(OpenTask task, TaskCompletion body, UserAccount user) {
        Decision decision;
        try {
            decision = Decision.valueOf(String.valueOf(body.decision()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("审核结论 (decision) 须为 APPROVE 或 RETURN");
        }
        String comment = body.comment(TaskCompletion.MAX_COMMENT);
        if (decision == Decision.RETURN && comment == null) {
            throw ApiException.badRequest("退回时须填写意见 (comment)");
        }
        ProgressReports.Report report = reports.awaitingReview(task.itemId(), task.unit())
                .orElseThrow(() -> ApiException.conflict("没有待审核的报送"));
        reports.review(report.id(), decision, user.username(), comment);
        return new Decided(decision, comment);
    }
}
