package cn.duban.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Camunda keeps of the processes that ran: {@code camunda.bpm.history-level} (application.yml: {@link Tasks
 * tasks}, a level of ours). The item's own history (ItemHistory) is the trail — who did what, when, with what
 * comment — so Camunda keeps only which process instances ran and ended (the item page's diagram reads them), their
 * user tasks and incidents: not every step passed ({@code activity}: 10 of 23 KB per item on PostgreSQL), nor the
 * variables and their changes ({@code audit}, {@code full}: 7.5 of 19 KB per item on H2). Camunda refuses to start
 * on a database whose stored level differs from the configured one; a database made at another level (duban before
 * 2026-12 ran at full) is set to the configured level before the engine checks it, once, and says so in the log.
 * What is already recorded stays.
 */
@Component
public class EngineHistory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineHistory.class);

    /** Process instances, user tasks and incidents: no activity instances, variables, identity links or job log. */
    public static final class Tasks extends org.camunda.bpm.engine.impl.history.AbstractHistoryLevel {

        public static final String NAME = "tasks";
        private static final java.util.Set<String> KEPT = java.util.Set.of(
                org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_START.getEntityType(),
                org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_CREATE.getEntityType(),
                org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_CREATE.getEntityType());

        @Override
        public int getId() {
            return 41;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(org.camunda.bpm.engine.impl.history.event.HistoryEventType eventType, Object entity) {
            return KEPT.contains(eventType.getEntityType());
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.history.HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new Tasks());
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        int configured = configuration.getHistoryLevel().getId();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            Integer stored = stored(connection, configuration.getDatabaseTablePrefix());
            if (stored != null && stored != configured) {
                try (PreparedStatement update = connection.prepareStatement("update " + configuration.getDatabaseTablePrefix()
                        + "ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel'")) {
                    update.setString(1, String.valueOf(configured));
                    update.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                log.info("Camunda history level of the database set from {} to {} ({})", stored, configured,
                        configuration.getHistoryLevel().getName());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Camunda 的历史级别无法读取或设置: " + e.getMessage(), e);
        }
    }

    /** The level the database holds, or null when the engine's tables are not there yet (a new database). */
    private static Integer stored(Connection connection, String prefix) throws SQLException {
        String table = prefix + "ACT_GE_PROPERTY";
        boolean exists = false;
        for (String name : new String[] {table.toUpperCase(java.util.Locale.ROOT), table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                exists |= found.next();
            }
        }
        if (!exists) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement("select VALUE_ from " + table + " where NAME_ = 'historyLevel'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Integer.valueOf(row.getString(1)) : null;
        }
    }
}
