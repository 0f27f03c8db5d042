package cn.duban.workflow;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.ItemEdit;
import cn.duban.plan.PlanService;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/** 交办确认: the office confirms (or corrects) an item's units and due date, and its work opens for them. */
@Component
class AssignStep implements StepHandler {

    private final PlanStore plans;
    private final PlanService planService;
    private final ItemHistory history;
    private final TaskService engineTasks;

    AssignStep(PlanStore plans, PlanService planService, ItemHistory history, TaskService engineTasks) {
        this.plans = plans;
        this.planService = planService;
        this.history = history;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.ASSIGN;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        Item item = plans.item(task.itemId()).orElseThrow();
        String confirmed = planService.apply(item, ItemEdit.units(body.leadUnits(), body.responsibleUnits(),
                body.cooperatingUnits(), body.due()));
        if (plans.item(item.id()).orElseThrow().deadline().due() == null) {
            throw ApiException.badRequest("请确认完成时限 (due)");
        }
        history.record(item.id(), user.username(), Step.ASSIGN, Action.ASSIGNED, null, confirmed);
        engineTasks.complete(task.id());
    }
}
