package cn.duban.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an item's process ends (办结, or the office closing the item from the ledger), any sub-task (分解) still running
 * for it ends too, so that no child unit is left with work — or reminders — on a closed item.
 */
@Component("closeSubTasks")
public class CloseSubTasksListener implements ExecutionListener {

    private final RuntimeService runtime;

    public CloseSubTasksListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        runtime.createProcessInstanceQuery().processDefinitionKey("sub-task")
                .processInstanceBusinessKey(execution.getProcessBusinessKey()).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "事项已办结", false));
    }
}
