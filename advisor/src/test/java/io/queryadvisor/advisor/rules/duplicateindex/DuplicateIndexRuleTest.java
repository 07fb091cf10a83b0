package io.queryadvisor.advisor.rules.duplicateindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.SchemaRuleHarness;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/** Duplicate indexes, read from a real PostgreSQL's catalog by the probe. */
class DuplicateIndexRuleTest {

    private static TestSchema schema;
    private static SchemaRuleHarness harness;
    private static List<Recommendation> findings;
    private static String prefix;

    @BeforeAll
    static void check() throws Exception {
        schema = TestDatabase.shared().freshSchema(DuplicateIndexRuleTest.class);
        schema.execute("CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, c text)",
                // an unnamed CREATE INDEX run at three starts: t_c_idx, t_c_idx1, t_c_idx2
                "CREATE INDEX ON t (c)", "CREATE INDEX ON t (c)", "CREATE INDEX ON t (c)",
                "CREATE INDEX t_c_pattern ON t (c text_pattern_ops)",
                "CREATE INDEX t_a ON t (a)", "CREATE INDEX t_a_b ON t (a, b)",
                "CREATE INDEX t_b_partial ON t (b) WHERE b > 0", "CREATE INDEX t_b_c ON t (b, c)",
                "CREATE INDEX t_id_a ON t (id, a)");
        prefix = "duplicate-index:" + schema.databaseName() + "." + schema.name() + ".";
        harness = new SchemaRuleHarness("duplicate-index", DuplicateIndexRule::new)
                .identify("pool", schema.jdbcUrl(), schema::connect);
        findings = SchemaRuleHarness.in(schema.name(), harness.check());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static Recommendation about(String index) {
        return SchemaRuleHarness.withId(findings, prefix + index);
    }

    @Test
    void listsEveryIdenticalCopyInOneFindingAndKeepsTheFirst() {
        Recommendation copies = about("t_c_idx");

        assertThat(copies.evidence()).containsEntry("identicalIndexes", 3).containsEntry("kept", "t_c_idx")
                .containsEntry("dropped", "t_c_idx1, t_c_idx2");
        assertThat(copies.suggestion().code()).isEqualTo("DROP INDEX CONCURRENTLY " + schema.name() + ".t_c_idx1;\n"
                + "DROP INDEX CONCURRENTLY " + schema.name() + ".t_c_idx2;");
        assertThat(copies.title()).startsWith("3 identical indexes on " + schema.name() + ".t (c)");
    }

    @Test
    void dropsAnIndexThatLeadsAWiderOne() {
        Recommendation prefixIndex = about("t_a");

        assertThat(prefixIndex.evidence()).containsEntry("dropped", "t_a").containsEntry("kept", "t_a_b");
        assertThat(prefixIndex.suggestion().code()).isEqualTo("DROP INDEX CONCURRENTLY " + schema.name() + ".t_a;");
    }

    @Test
    void leavesAloneAnotherOperatorClassAPartialIndexAndAPrimaryKey() {
        // t_c_pattern serves LIKE 'x%' that t_c_idx cannot; t_b_partial's predicate differs from
        // t_b_c's; t_pkey enforces the key that t_id_a does not
        assertThat(findings).extracting(Recommendation::id)
                .containsExactlyInAnyOrder(prefix + "t_c_idx", prefix + "t_a");
    }
}
