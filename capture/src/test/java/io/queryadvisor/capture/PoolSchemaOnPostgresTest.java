package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * A HikariCP pool configured with a schema (Spring Boot's {@code spring.datasource.hikari.schema}):
 * its URL names none, the pool moves each connection into it, and the application's tables live
 * there alone. The database probe must look for them where the application's statements find them.
 */
class PoolSchemaOnPostgresTest {

    private static final String RULE = "missing-index";
    /** Far beyond any examination: the probe's own timeouts end each request within seconds. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static TestSchema schema;

    private final Queue<CaptureEvent> events = new ConcurrentLinkedQueue<>();
    private QueryAdvisor queryAdvisor;
    private HikariDataSource pool;

    @BeforeAll
    static void aLargeTableInASchemaOfItsOwn() throws SQLException {
        schema = TestDatabase.shared().freshSchema(PoolSchemaOnPostgresTest.class);
        schema.execute("CREATE TABLE catalog_items (id integer NOT NULL, name text NOT NULL)",
                "INSERT INTO catalog_items SELECT n, 'item ' || n FROM generate_series(1, 100000) n",
                "ANALYZE catalog_items");
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (queryAdvisor != null) {
            queryAdvisor.close();
        }
    }

    @Test
    void theProbeExaminesTheTablesOfThePoolsSchema() throws SQLException {
        DataSource shop = captured(poolInSchema(schema.name()));
        for (int i = 0; i < 3; i++) {
            assertThat(itemsNamed(shop, "item 42424%")).isEqualTo(1);
        }

        Recommendation finding = awaitFinding();
        assertThat(finding.suggestion().code())
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_catalog_items_name ON catalog_items (name text_pattern_ops);");
    }

    @Test
    void theProbesConnectorSaysWhichSchemaItOpensIn() throws SQLException {
        DataSource shop = captured(poolInSchema(schema.name()));
        shop.getConnection().close();

        assertThat(identifiedConnector()).endsWith(" in schema " + schema.name());
    }

    private HikariDataSource poolInSchema(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.shared().jdbcUrl()); // no currentSchema: the pool's setting alone
        config.setUsername(schema.user());
        config.setPassword(schema.password());
        config.setSchema(name);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        return pool;
    }

    private DataSource captured(HikariDataSource dataSource) {
        queryAdvisor = QueryAdvisor.start(Settings.fromStrings(Map.of("rules.missing-index.minExecutions", "1"), "test"),
                List.of(events::add));
        return queryAdvisor.capture(dataSource);
    }

    private static int itemsNamed(DataSource dataSource, String prefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM catalog_items WHERE name LIKE ?")) {
            ps.setString(1, prefix);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Waits (a guard against a hang, never a measure of speed) for the first examination to end, then reads its finding. */
    private Recommendation awaitFinding() {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (counter("examinations") + counter("examinationsFailed") == 0) {
            assertThat(System.nanoTime()).as("an examination within %s", GUARD).isLessThan(deadline);
            LockSupport.parkNanos(10_000_000);
        }
        assertThat(counter("examinationsFailed")).as("failed examinations; counters %s",
                queryAdvisor.advisor().health().rules().get(RULE)).isZero();
        List<Recommendation> found = queryAdvisor.advisor().recommendations().stream()
                .filter(r -> r.rule().equals(RULE)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long counter(String name) {
        Map<String, Long> counters = queryAdvisor.advisor().health().rules().get(RULE);
        return counters == null ? 0 : counters.getOrDefault(name, 0L);
    }

    private String identifiedConnector() {
        assertThat(queryAdvisor.advisor().awaitIdle(GUARD)).isTrue();
        return events.stream().filter(DatabaseIdentified.class::isInstance).map(DatabaseIdentified.class::cast)
                .map(d -> String.valueOf(d.connector())).findFirst().orElseThrow();
    }
}
