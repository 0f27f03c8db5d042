package cn.duban.workflow;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;
import cn.duban.workflow.OpenTasks.OpenTask;

/** 延期审批: a supervisor approves a unit's request for a later due date (its due moves) or rejects it, with a comment. */
@Component
class ExtendStep implements StepHandler {

    private final ExtensionRequests extensions;
    private final TaskService engineTasks;

    ExtendStep(ExtensionRequests extensions, TaskService engineTasks) {
        this.extensions = extensions;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.EXTEND;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        String decision = String.valueOf(body.decision());
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
            throw ApiException.badRequest("审批结论 (decision) 须为 APPROVE 或 REJECT");
        }
        String comment = body.comment(TaskCompletion.MAX_COMMENT);
        if (decision.equals("REJECT") && comment == null) {
            throw ApiException.badRequest("不予延期时须填写意见 (comment)");
        }
        extensions.decide(task, decision.equals("APPROVE"), comment, user);
        engineTasks.complete(task.id());
    }
}
