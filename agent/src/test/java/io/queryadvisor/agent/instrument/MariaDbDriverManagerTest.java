package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.testing.TestMariaDb;

/**
 * MariaDB Connector/J 3.x declares {@code org.mariadb.jdbc.Connection connect(String, Properties)}:
 * a covariant return type, which the instrumentation must not miss.
 */
class MariaDbDriverManagerTest {

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @Test
    void aMariaDbConnectionFromDriverManagerIsCaptured() throws SQLException {
        try (Connection connection = TestMariaDb.shared().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 42")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }

        assertThat(agent.statements()).singleElement().satisfies(executed -> {
            assertThat(executed.sql()).isEqualTo("SELECT 42");
            assertThat(executed.rowsRead()).isEqualTo(1);
            assertThat(executed.source()).isEqualTo("org.mariadb.jdbc.Driver");
        });
    }
}
