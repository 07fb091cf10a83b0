package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.Eventually;

/** The schema rules inside a real advisor: on its ticks, through its probe, once per database. */
class SchemaRulesInAdvisorTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static PostgresFixture db;
    private Advisor advisor;

    @BeforeAll
    static void schema() throws SQLException {
        db = new PostgresFixture(SchemaRulesInAdvisorTest.class);
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)", "CREATE INDEX items_name ON items (name)",
                "CREATE INDEX items_name_copy ON items (name)");
    }

    @AfterEach
    void close() {
        if (advisor != null) {
            advisor.close();
        }
    }

    @Test
    void findsUnusedAndDuplicateIndexesOnceForThreePoolsOnOneDatabase() throws Exception {
        advisor = Advisor.start(AdvisorConfig.from(Settings.fromStrings(Map.of(
                "rules.unused-index.firstCheckAfter", "0", "rules.unused-index.minStatsAge", "0",
                "rules.duplicate-index.firstCheckAfter", "0",
                "rules.table-maintenance.firstCheckAfter", "0"), "test")));
        for (String pool : List.of("pool-1", "pool-2", "pool-3")) {
            advisor.buffer().offer(new DatabaseIdentified(pool, PostgresFixture.PRODUCT, "pgjdbc",
                    db.schema.jdbcUrl(), System.nanoTime(), db.connector()));
        }

        List<Recommendation> found = Eventually.get(this::mine, f -> f.stream().map(Recommendation::rule)
                .distinct().count() == 2, "unused-index and duplicate-index findings");

        assertThat(found).extracting(Recommendation::id).containsExactlyInAnyOrder(
                "unused-index:" + db.schema.databaseName() + "." + db.schema.name() + ".items_name",
                "unused-index:" + db.schema.databaseName() + "." + db.schema.name() + ".items_name_copy",
                "duplicate-index:" + db.schema.databaseName() + "." + db.schema.name() + ".items_name");
        assertThat(advisor.awaitIdle(GUARD)).isTrue();
        assertThat(advisor.probe().counters().submitted()).as("one check per rule, not per pool").isEqualTo(3);
    }

    private List<Recommendation> mine() {
        return advisor.recommendations().stream().filter(r -> r.id().contains("." + db.schema.name() + ".")).toList();
    }
}
