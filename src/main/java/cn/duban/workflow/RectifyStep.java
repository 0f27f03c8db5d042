package cn.duban.workflow;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.lookback.LookBackCases;
import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/** 整改说明: the unit explains last year's item found wanting, and may plan its rectification with a date. */
@Component
class RectifyStep implements StepHandler {

    private final TaskCases taskCases;
    private final LookBackCases cases;
    private final ItemHistory history;
    private final TaskService engineTasks;

    RectifyStep(TaskCases taskCases, LookBackCases cases, ItemHistory history, TaskService engineTasks) {
        this.taskCases = taskCases;
        this.cases = cases;
        this.history = history;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.RECTIFY;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        if (body.summary() == null || body.summary().isBlank()) {
            throw ApiException.badRequest("请说明事项办理情况 (summary)");
        }
        if (body.rectification() != null && !body.rectification().isBlank() && body.due() == null) {
            throw ApiException.badRequest("整改计划须有整改时限 (due)");
        }
        cases.explain(taskCases.caseId(task.id()), TaskCompletion.clip(body.summary().strip(), TaskCompletion.MAX_TEXT),
                body.rectification() == null ? null : TaskCompletion.clip(body.rectification().strip(), TaskCompletion.MAX_TEXT),
                body.due());
        history.record(task.itemId(), user.username(), Step.RECTIFY, Action.EXPLAINED, task.unit(), body.summary());
        engineTasks.complete(task.id());
    }
}
