package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

/** Says in the test report whether the suite also runs on PostgreSQL, and that the given server answers. */
class PostgresqlRunTest {

    @Test
    void suiteRunsOnPostgresqlWhenAServerIsGiven() throws Exception {
        String server = System.getenv("DUBAN_PG_URL");
        assumeTrue(server != null, "PostgreSQL run skipped: set DUBAN_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres)"
                + " to run the suite on PostgreSQL too");
        try (Connection c = DriverManager.getConnection(server, System.getenv().getOrDefault("DUBAN_PG_USER", "postgres"),
                System.getenv().getOrDefault("DUBAN_PG_PASSWORD", ""))) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
