package cn.duban.workflow;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.duban.plan.PlanStore;
import cn.duban.workflow.ItemHistory.Action;

/** BPMN step "办结报告记入台账": the approved results go into the ledger and the item is completed. */
@Component("recordLedger")
public class RecordLedgerDelegate implements JavaDelegate {

    private final Ledger ledger;
    private final PlanStore plans;
    private final ItemHistory history;

    public RecordLedgerDelegate(Ledger ledger, PlanStore plans, ItemHistory history) {
        this.ledger = ledger;
        this.plans = plans;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long itemId = ((Number) execution.getVariable("itemId")).longValue();
        Instant now = Instant.now();
        int entries = ledger.recordApproved(itemId, now);
        plans.completed(itemId, now);
        history.record(itemId, ItemHistory.SYSTEM, Step.REPORT, Action.REPORTED, null, "记入台账 " + entries + " 条");
    }
}
