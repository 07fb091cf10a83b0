package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.testing.DatabaseCoordinates;

/**
 * The schema facts need no privilege: a role that may only log in (no superuser, no grant on the
 * application's schema or tables) reads them all, as an application's own user would.
 */
class SchemaFactsWithoutSuperuserTest {

    private static final String ROLE = "qa_schema_reader";
    private static final String PASSWORD = "qa-schema-reader-only-logs-in";
    private static PostgresFixture db;
    private static ProbeHarness harness;

    @BeforeAll
    static void start() throws SQLException {
        db = new PostgresFixture(SchemaFactsWithoutSuperuserTest.class);
        db.bigTable("orders", 1_000);
        db.execute("CREATE INDEX orders_k ON orders (k)", "DELETE FROM orders WHERE id <= 10",
                "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "REVOKE ALL ON SCHEMA " + db.schema.name() + " FROM PUBLIC");
        DatabaseCoordinates app = db.schema.database();
        DatabaseCoordinates reader = new DatabaseCoordinates(app.jdbcUrl(), ROLE, PASSWORD, "a role that only logs in");
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, RecordingConnector.postgres(reader::connect));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void readsIndexesAndTablesOfASchemaItHasNoPrivilegeOn() throws Exception {
        SchemaFactsResult facts = harness.answer(new SchemaFactsRequest("test", "key", ProbeHarness.SOURCE),
                SchemaFactsResult.class);

        assertThat(facts.indexes()).filteredOn(i -> i.schema().equals(db.schema.name()))
                .singleElement().satisfies(i -> {
                    assertThat(i.name()).isEqualTo("orders_k");
                    assertThat(i.sizeBytes()).isPositive();
                    assertThat(i.definition()).startsWith("CREATE INDEX orders_k ON");
                });
        assertThat(facts.tables()).filteredOn(t -> t.schema().equals(db.schema.name()))
                .singleElement().satisfies(t -> assertThat(t.sizeBytes()).isPositive());
        assertThat(facts.database().counting()).isTrue();
    }
}
