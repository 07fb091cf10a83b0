package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.unbatchedwrites.UnbatchedWritesRule;
import io.queryadvisor.testing.TestMariaDb;

/**
 * The unbatched-writes rule on MariaDB, captured by the agent: its advice is the driver's (MySQL's
 * rewriteBatchedStatements, MariaDB Connector/J's bulk protocol), told from the database it ran on.
 */
class UnbatchedWritesOnMariaDbTest {

    private static final String INSERT = "INSERT INTO restock_lines (sku, quantity) VALUES (?, ?)";
    private static final int ROWS = 12;

    private static TestMariaDb mariaDb;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createTable() throws SQLException {
        mariaDb = TestMariaDb.shared();
        try (Connection connection = mariaDb.connect(); Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS restock_lines");
            s.execute("CREATE TABLE restock_lines (id BIGINT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(20) NOT NULL,"
                    + " quantity INT NOT NULL)");
        }
    }

    private static void bindRow(PreparedStatement insert, int row) throws SQLException {
        insert.setString(1, "SKU-" + row);
        insert.setInt(2, row);
    }

    @Test
    void insertsSentRowByRowAreFoundWithTheDriversBatchAdvice() throws SQLException {
        DataSource pool = agent.pool(mariaDb);
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < ROWS; i++) {
                bindRow(insert, i);
                insert.executeUpdate();
            }
        }

        Recommendation finding = agent.onlyFinding(UnbatchedWritesRule.ID);

        assertThat(finding.fingerprint()).isEqualTo(INSERT);
        assertThat(finding.suggestion().text()).contains("rewriteBatchedStatements=true", "MariaDB Connector/J")
                .doesNotContain("reWriteBatchedInserts");
        assertThat(finding.suggestion().code()).contains("addBatch()", "executeBatch()");
    }

    @Test
    void theSameRowsInOneBatchAreNotUnbatched() throws SQLException {
        DataSource pool = agent.pool(mariaDb);
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < ROWS; i++) {
                bindRow(insert, i);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).hasSize(ROWS);
        }

        assertThat(agent.findings(UnbatchedWritesRule.ID)).isEmpty();
    }
}
