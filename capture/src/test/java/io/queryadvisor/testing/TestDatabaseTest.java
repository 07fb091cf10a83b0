package io.queryadvisor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void connectsToAPostgresqlThatAnswers() throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 6 * 7")) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void usesTheEnvironmentsDatabaseWhenOneIsConfigured() {
        // Both branches assert: with the variable set (as in CI) its database must be the one in
        // use; without it, one of the fallbacks must have been started.
        String configured = System.getenv("QUERYADVISOR_TEST_JDBC_URL");
        TestDatabase database = TestDatabase.shared();
        if (configured != null && !configured.isBlank()) {
            assertThat(database.jdbcUrl()).isEqualTo(configured.trim());
            assertThat(database.coordinates().origin()).startsWith("environment");
        } else {
            assertThat(database.coordinates().origin()).containsAnyOf("Testcontainers", "embedded");
        }
    }

    @Test
    void handsOutOneDatabasePerJvm() {
        assertThat(TestDatabase.shared()).isSameAs(TestDatabase.shared());
    }

    @Test
    void servesADataSourceOnTheSameDatabase() throws SQLException {
        try (Connection connection = TestDatabase.shared().dataSource().getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void failsLoudlyWhenTheConfiguredDatabaseDoesNotAnswer() {
        // Port 1 is never a PostgreSQL; the failure must say how to point the tests elsewhere.
        Map<String, String> environment = Map.of("QUERYADVISOR_TEST_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");

        assertThatIllegalStateException()
                .isThrownBy(() -> TestDatabase.locate(environment))
                .withMessageContaining("127.0.0.1:1")
                .withMessageContaining("QUERYADVISOR_TEST_JDBC_URL");
    }

    @Test
    void namesSchemasSafelyForSql() {
        assertThat(TestDatabase.schemaName("KnownWorkload-IT jdk25")).isEqualTo("qa_knownworkload_it_jdk25");
        assertThat(TestDatabase.schemaName("x".repeat(100))).hasSize(63);
    }
}
