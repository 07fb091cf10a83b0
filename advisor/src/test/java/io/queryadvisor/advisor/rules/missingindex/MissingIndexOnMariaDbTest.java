package io.queryadvisor.advisor.rules.missingindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.TestMariaDb;

/** The rule against a real MariaDB: EXPLAIN FORMAT=JSON, a full scan with an attached condition, advice unverified. */
class MissingIndexOnMariaDbTest {

    private static TestMariaDb db;
    private MissingIndexHarness harness;

    @BeforeAll
    static void tables() throws SQLException {
        db = TestMariaDb.shared();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS mi_orders");
            st.execute("CREATE TABLE mi_orders (id integer NOT NULL PRIMARY KEY, k integer NOT NULL, name varchar(40))");
            st.execute("INSERT INTO mi_orders SELECT seq, seq % 1000, CONCAT('name ', seq) FROM seq_1_to_100000");
            st.execute("ANALYZE TABLE mi_orders");
        }
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void advisesAnIndexForAFullScanWithAnAttachedConditionUnverified() {
        harness = new MissingIndexHarness("MariaDB 11", db::connect).ran(12, "SELECT id FROM mi_orders WHERE k = ?", 42)
                .awaitExaminations(1);

        assertThat(harness.findings()).singleElement().satisfies((Recommendation finding) -> {
            assertThat(finding.suggestion().code()).isEqualTo("CREATE INDEX idx_mi_orders_k ON mi_orders (k);");
            assertThat(finding.evidence()).containsEntry("costAfter", "unverified").containsKey("unverified");
            assertThat((Long) finding.evidence().get("rowsScanned")).isGreaterThan(50_000);
        });
    }

    @Test
    void saysNothingOfALookupByPrimaryKey() {
        harness = new MissingIndexHarness("MariaDB 11", db::connect).ran(12, "SELECT k FROM mi_orders WHERE id = ?", 42)
                .awaitExaminations(1);

        assertThat(harness.findings()).isEmpty();
    }
}
