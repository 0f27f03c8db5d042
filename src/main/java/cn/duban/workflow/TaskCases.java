package cn.duban.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.duban.lookback.LookBackCases;
import cn.duban.workflow.OpenTasks.TaskView;

/** The look-back case a RECTIFY or VERIFY task is about (the process carries its id). */
@Component
public class TaskCases {

    private final TaskService engineTasks;
    private final LookBackCases cases;

    TaskCases(TaskService engineTasks, LookBackCases cases) {
        this.engineTasks = engineTasks;
        this.cases = cases;
    }

    long caseId(String taskId) {
        return ((Number) engineTasks.getVariable(taskId, "caseId")).longValue();
    }

    /** What the unit explained, for the supervisor to verify; none for a task of another step. */
    public Optional<LookBackCases.Case> of(TaskView task) {
        return task.step() == Step.RECTIFY || task.step() == Step.VERIFY ? cases.find(caseId(task.id())) : Optional.empty();
    }
}
