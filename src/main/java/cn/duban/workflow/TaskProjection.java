package cn.duban.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

import cn.duban.workflow.ItemHistory.Action;

/**
 * Every user task of the processes in processes/ names its supervision step in a camunda:property "step".
 * This engine plugin keeps {@link OpenTasks} and the item's history in step with those tasks: a row when a task
 * opens, none once it is completed or deleted. The task's unit is the process variable {@code unit}; a sub-task's
 * (processes/sub-task.bpmn) part and reviewing unit are {@code part} and {@code reviewer}.
 */
@Component
public class TaskProjection extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private final OpenTasks openTasks;
    private final ItemHistory history;

    public TaskProjection(OpenTasks openTasks, ItemHistory history) {
        this.openTasks = openTasks;
        this.history = history;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                Step step = step(element, activity);
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> opened(task, step));
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> openTasks.remove(task.getId()));
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, task -> openTasks.remove(task.getId()));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void opened(DelegateTask task, Step step) {
        // a task just created has no variables of its own: its execution's, without asking the database for the task's
        DelegateExecution execution = task.getExecution();
        long itemId = ((Number) execution.getVariable("itemId")).longValue();
        String unit = (String) execution.getVariable("unit");
        // a unit signs for an item once: its work returned or asked again for is signed already, by the same person
        OpenTasks.Signature signed = step == Step.EXECUTE ? openTasks.signedBefore(itemId, unit).orElse(null) : null;
        if (signed != null) {
            task.setAssignee(signed.signedBy());
        }
        Number part = (Number) execution.getVariable("part");
        openTasks.add(task.getId(), itemId, task.getTaskDefinitionKey(), step, unit, signed,
                part == null ? null : part.longValue(), (String) execution.getVariable("reviewer"));
        history.record(itemId, ItemHistory.SYSTEM, step, Action.TASK_OPENED, unit, null); // the step column names it
    }

    private static Step step(Element userTask, ActivityImpl activity) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
        if (properties != null) {
            for (Element property : properties.elementsNS(CAMUNDA, "property")) {
                if ("step".equals(property.attribute("name"))) {
                    return Step.valueOf(property.attribute("value"));
                }
            }
        }
        throw new IllegalStateException("User task '" + activity.getId() + "' has no camunda:property \"step\"");
    }
}
