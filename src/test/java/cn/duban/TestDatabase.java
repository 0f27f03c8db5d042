package cn.duban;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL run of the suite (system property {@code duban.test.postgresql}, set by the pom when
 * {@code DUBAN_PG_URL} names a server): every application context of the run on the shared test database uses one
 * PostgreSQL database instead, created fresh once per run on that server, so the same tests run on H2 and on PostgreSQL.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String NAME = "duban_test_run";

    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // a test that chose its own database (a restart on an H2 file) keeps it
        String chosen = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (!Boolean.getBoolean("duban.test.postgresql") || !chosen.startsWith("jdbc:h2:mem:duban-test")) {
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresql-test-database",
                Map.of("spring.datasource.url", database(), "spring.datasource.username", user(),
                        "spring.datasource.password", password(),
                        // as the postgres profile connects in production
                        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
    }

    private static synchronized String database() {
        if (url == null) {
            url = fresh(NAME);
        }
        return url;
    }

    /** Drops and creates the database on the server of {@code DUBAN_PG_URL}; its JDBC URL. */
    static String fresh(String name) {
        String server = System.getenv("DUBAN_PG_URL");
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + server + ": " + e.getMessage(), e);
        }
        return server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    static String password() {
        return System.getenv().getOrDefault("DUBAN_PG_PASSWORD", "");
    }

    static String user() {
        return System.getenv().getOrDefault("DUBAN_PG_USER", "postgres");
    }
}
