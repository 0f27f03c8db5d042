package cn.duban.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.lookback.LookBackCases;
import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;
import cn.duban.workflow.OpenTasks.OpenTask;

/** 核实: a reviewer finds the unit's explanation resolved, carries the item into this year's rectification, or returns it. */
@Component
class VerifyStep implements StepHandler {

    private final TaskCases taskCases;
    private final LookBackCases cases;
    private final TaskService engineTasks;

    VerifyStep(TaskCases taskCases, LookBackCases cases, TaskService engineTasks) {
        this.taskCases = taskCases;
        this.cases = cases;
        this.engineTasks = engineTasks;
    }

    @Override
    public Step step() {
        return Step.VERIFY;
    }

    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        String decision = String.valueOf(body.decision());
        if (!List.of("RESOLVED", "RECTIFY", "RETURN").contains(decision)) {
            throw ApiException.badRequest("核实结论 (decision) 须为 RESOLVED、RECTIFY 或 RETURN");
        }
        long caseId = taskCases.caseId(task.id());
        LookBackCases.Case c = cases.find(caseId).orElseThrow();
        if (decision.equals("RECTIFY") && (c.rectification() == null || c.rectifyBy() == null)) {
            throw ApiException.badRequest("单位尚未提交带时限的整改计划: 请退回 (RETURN) 补充");
        }
        cases.verify(caseId, decision, user.username(), body.comment(TaskCompletion.MAX_COMMENT));
        engineTasks.complete(task.id(), Map.of("decision", decision));
    }
}
