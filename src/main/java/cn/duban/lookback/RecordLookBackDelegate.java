package cn.duban.lookback;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanService;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.Step;

/**
 * BPMN step "记录回头看结果" of processes/look-back.bpmn: a resolved case is closed; one still to be rectified becomes
 * a rectification item of this year's plan, due on the unit's date, under the normal supervision process.
 */
@Component("recordLookBack")
public class RecordLookBackDelegate implements JavaDelegate {

    private final LookBackCases cases;
    private final PlanStore plans;
    private final OrgDirectory directory;
    private final PlanService planService;
    private final ItemHistory history;

    public RecordLookBackDelegate(LookBackCases cases, PlanStore plans, OrgDirectory directory, PlanService planService,
                                  ItemHistory history) {
        this.cases = cases;
        this.plans = plans;
        this.directory = directory;
        this.planService = planService;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LookBackCases.Case c = cases.find(((Number) execution.getVariable("caseId")).longValue()).orElseThrow();
        if (!"RECTIFY".equals(c.decision())) {
            cases.close(c.id(), LookBackCases.Status.RESOLVED, null);
            history.record(c.priorItemId(), c.verifiedBy(), Step.VERIFY, Action.LOOKBACK_RESOLVED, c.unit(), c.verifyComment());
            return;
        }
        Item prior = plans.item(c.priorItemId()).orElseThrow();
        String unitName = directory.unit(c.unit()).map(cn.duban.org.Unit::name).orElse(c.unit());
        ParsedItem rectification = new ParsedItem("整改" + prior.number(), List.of("回头看", prior.number()),
                "【回头看整改】" + prior.text() + " 整改计划: " + c.rectification(), List.of(), List.of(unitName), List.of(),
                new Deadline(Deadline.Kind.DATE, c.rectifyBy(), null, "整改时限 " + c.rectifyBy(), List.of()), List.of());
        long itemId = plans.insertItem(c.currentPlanId(), plans.nextSeq(c.currentPlanId()), rectification);
        history.record(itemId, c.verifiedBy(), null, Action.IMPORTED, c.unit(), "回头看整改, 上年度事项 " + prior.number());
        planService.supervise(itemId, c.verifiedBy());
        cases.close(c.id(), LookBackCases.Status.RECTIFYING, itemId);
        history.record(c.priorItemId(), c.verifiedBy(), Step.VERIFY, Action.LOOKBACK_RECTIFYING, c.unit(),
                "转入本年度整改 (事项 " + itemId + ")");
    }
}
