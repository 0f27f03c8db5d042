package cn.duban.workflow;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.org.UserAccount;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/** 督办: a reviewer records what was done about an escalated item (a talk with the unit, a deadline set). */
@Component
class SuperviseStep implements StepHandler {

    private final ItemHistory history;
    private final TaskService engineTasks;

    SuperviseStep(ItemHistory history, TaskService engineTasks) {
        this.history = history;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.SUPERVISE;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        history.record(task.itemId(), user.username(), Step.SUPERVISE, Action.SUPERVISED, task.unit(),
                body.comment(TaskCompletion.MAX_COMMENT));
        engineTasks.complete(task.id());
    }
}
