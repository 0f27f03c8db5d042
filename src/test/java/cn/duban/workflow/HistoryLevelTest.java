package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;

/**
 * A database the engine made at history level full (duban before it chose activity) starts at activity: without
 * the plugin Camunda refuses it, with it the stored level follows the configuration.
 */
class HistoryLevelTest {

    private static final String URL = "jdbc:h2:mem:history-level;DB_CLOSE_DELAY=-1";

    @Test
    void aDatabaseMadeAtFullStartsAtTheConfiguredLevel() {
        engine(ProcessEngineConfiguration.HISTORY_FULL, false).close();
        assertThatThrownBy(() -> engine(ProcessEngineConfiguration.HISTORY_ACTIVITY, false))
                .as("Camunda's own check, which the plugin answers").hasMessageContaining("historyLevel mismatch");

        ProcessEngine engine = engine(ProcessEngineConfiguration.HISTORY_ACTIVITY, true);
        try {
            assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel",
                    String.valueOf(HistoryLevel.HISTORY_LEVEL_ACTIVITY.getId()));
        } finally {
            engine.close();
        }
        engine(ProcessEngineConfiguration.HISTORY_ACTIVITY, false).close(); // and it stays so
    }

    private static ProcessEngine engine(String level, boolean plugin) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(URL);
        configuration.setJdbcUsername("sa");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(level);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("history-level-" + level + plugin);
        if (plugin) {
            configuration.setProcessEnginePlugins(List.of(new cn.duban.workflow.HistoryLevel()));
        }
        return configuration.buildProcessEngine();
    }
}
