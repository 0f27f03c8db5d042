package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Camunda at duban's history level ({@link EngineHistory.Tasks}) keeps the process instance and its user tasks, not
 * its steps or variables; a database the engine made at level full (duban before 2026-12) starts at it.
 */
class EngineHistoryTest {

    private static final String URL = "jdbc:h2:mem:engine-history;DB_CLOSE_DELAY=-1";

    @Test
    void aDatabaseMadeAtFullKeepsOnlyInstancesAndTasksFromThenOn() {
        engine(ProcessEngineConfiguration.HISTORY_FULL, false, "full").close();

        ProcessEngine engine = engine(EngineHistory.Tasks.NAME, true, "tasks");
        try {
            assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel",
                    String.valueOf(new EngineHistory.Tasks().getId()));
            engine.getRepositoryService().createDeployment().addModelInstance("one-task.bpmn",
                    Bpmn.createExecutableProcess("one-task").camundaHistoryTimeToLive(30).startEvent().userTask("work")
                            .endEvent().done()).deploy();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("one-task", Map.of("itemId", 7L)).getId();
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());

            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
                    .as("the instance, ended").isNotNull();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).as("no steps").isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).as("no variables").isZero();
        } finally {
            engine.close();
        }
        engine(EngineHistory.Tasks.NAME, true, "again").close(); // and it stays so
    }

    private static ProcessEngine engine(String level, boolean plugin, String name) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(URL);
        configuration.setJdbcUsername("sa");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(level);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("engine-history-" + name);
        if (plugin) {
            configuration.setProcessEnginePlugins(List.of(new EngineHistory()));
        }
        return configuration.buildProcessEngine();
    }
}
