package io.queryadvisor.advisor.rules.missingindex;

import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.EQUALITY;
import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.PREFIX_LIKE;
import static io.queryadvisor.advisor.rules.missingindex.ColumnCondition.Kind.RANGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.probe.ColumnStatistics;
import io.queryadvisor.advisor.probe.IndexDefinition;
import io.queryadvisor.advisor.probe.Plan;

/** Which index a scan's conditions ask for, and when an existing one already serves them. */
class IndexDesignTest {

    private static ScanCandidate scan(ColumnCondition... conditions) {
        return sorted(List.of(), conditions);
    }

    private static ScanCandidate sorted(List<String> sortColumns, ColumnCondition... conditions) {
        return new ScanCandidate(new Plan("Seq Scan", "orders", null, 1, 1000, null, "(filter)", true, List.of()),
                List.of(conditions), sortColumns);
    }

    private static ColumnStatistics distinct(String column, double values) {
        return new ColumnStatistics(column, values, 0, values);
    }

    private static IndexDefinition index(String... columns) {
        return new IndexDefinition("i", List.of(columns), false, false, "CREATE INDEX i ON orders USING btree (...)");
    }

    @Test
    void putsEqualitiesMostSelectiveFirstThenTheRange() {
        IndexCandidate index = IndexDesign.design(scan(new ColumnCondition("created", RANGE),
                new ColumnCondition("status", EQUALITY), new ColumnCondition("customer", EQUALITY)),
                List.of(distinct("status", 5), distinct("customer", 20_000)), List.of());

        assertThat(index.columns()).containsExactly("customer", "status", "created");
    }

    @Test
    void putsTheColumnsOfASortForALimitAfterTheEqualitiesInPlaceOfARange() {
        IndexCandidate index = IndexDesign.design(sorted(List.of("created", "id DESC"),
                new ColumnCondition("total", RANGE), new ColumnCondition("status", EQUALITY)), List.of(), List.of());

        assertThat(index.columns()).containsExactly("status", "created", "id DESC");
        assertThat(index.suggestedSql(Dialect.POSTGRESQL))
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_status_created_id_desc ON orders (status, created, id DESC);");
    }

    @Test
    void skipsWhatAnIndexLeadingWithTheSameColumnsCovers() {
        assertThat(IndexDesign.design(scan(new ColumnCondition("a", EQUALITY), new ColumnCondition("b", EQUALITY)),
                List.of(), List.of(index("b", "a", "c")))).isNull();
    }

    @Test
    void doesNotCountAnIndexThatLeadsWithAnotherColumn() {
        assertThat(IndexDesign.design(scan(new ColumnCondition("a", EQUALITY)), List.of(), List.of(index("b", "a"))))
                .isNotNull();
    }

    @Test
    void asksForPatternOpsForAPrefixLikeOnPostgresOnly() {
        IndexCandidate index = IndexDesign.design(scan(new ColumnCondition("name", PREFIX_LIKE)), List.of(), List.of());

        assertThat(index.suggestedSql(Dialect.POSTGRESQL))
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_name ON orders (name text_pattern_ops);");
        assertThat(index.suggestedSql(Dialect.MYSQL)).isEqualTo("CREATE INDEX idx_orders_name ON orders (name);");
    }

    @Test
    void servesAPrefixLikeOnTheSortsFirstColumnWithThePatternOpsIndexInsteadOfTheSort() {
        IndexCandidate index = IndexDesign.design(sorted(List.of("name", "id"),
                new ColumnCondition("name", PREFIX_LIKE), new ColumnCondition("shop", EQUALITY)), List.of(), List.of());

        assertThat(index.suggestedSql(Dialect.POSTGRESQL))
                .isEqualTo("CREATE INDEX CONCURRENTLY idx_orders_shop_name ON orders (shop, name text_pattern_ops);");
    }

    @Test
    void doesNotCountAPlainIndexForAPrefixLike() {
        assertThat(IndexDesign.design(scan(new ColumnCondition("name", PREFIX_LIKE)), List.of(), List.of(index("name"))))
                .isNotNull();
    }
}
