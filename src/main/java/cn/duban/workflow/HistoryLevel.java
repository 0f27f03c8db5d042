package cn.duban.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda keeps the history of {@code camunda.bpm.history-level} (application.yml: {@code activity}): which process
 * instances ran and which steps and tasks they passed, what the item page's diagram and Cockpit read. The variables'
 * values and every change to them ({@code audit}, {@code full}) are not kept: the item's own history (ItemHistory)
 * is the trail, and they took 7.5 of 19 KB per item. Camunda refuses to start on a database whose stored level
 * differs from the configured one; a database made at another level (duban before 2026-12) is set to the
 * configured level before the engine checks it, once, and says so in the log. What is already recorded stays.
 */
@Component
public class HistoryLevel extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevel.class);

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
