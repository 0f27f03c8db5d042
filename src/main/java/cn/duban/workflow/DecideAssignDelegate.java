package cn.duban.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.rules.AssignCheck;
import cn.duban.rules.RuleBase;
import cn.duban.workflow.ItemHistory.Action;

/** BPMN step "判断是否需交办确认": asks rules/assign.drl whether the office must confirm the item first. */
@Component("decideAssign")
public class DecideAssignDelegate implements JavaDelegate {

    private final PlanStore plans;
    private final OrgDirectory directory;
    private final RuleBase rules;
    private final ItemHistory history;

    public DecideAssignDelegate(PlanStore plans, OrgDirectory directory, RuleBase rules, ItemHistory history) {
        this.plans = plans;
        this.directory = directory;
        this.rules = rules;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long itemId = ((Number) execution.getVariable("itemId")).longValue();
        Item item = plans.item(itemId).orElseThrow();
        List<String> named = item.namedUnits();
        List<String> unknown = directory.unknown(named);
        int working = item.leadUnits().size() + item.responsibleUnits().size();
        AssignCheck check = rules.decideAssign(new AssignCheck(working, unknown, item.deadline().due() != null));
        execution.setVariable("needsAssign", check.isNeeded());
        if (check.isNeeded()) {
            history.record(itemId, ItemHistory.SYSTEM, Step.ASSIGN, Action.NEEDS_ASSIGN, null,
                    String.join("; ", check.getReasons()));
        }
    }
}
