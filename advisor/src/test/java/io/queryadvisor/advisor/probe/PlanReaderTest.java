package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JSON of each database's EXPLAIN, as it writes it, read into plan trees. */
class PlanReaderTest {

    private static final String POSTGRES_JOIN = """
            [{"Plan": {"Node Type": "Hash Join", "Join Type": "Inner", "Startup Cost": 12.5, "Total Cost": 2315.25,
              "Plan Rows": 100, "Plan Width": 20, "Hash Cond": "(o.customer_id = c.id)",
              "Plans": [
                {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Alias": "o",
                 "Total Cost": 2041.0, "Plan Rows": 100, "Filter": "(status = 'new'::text)"},
                {"Node Type": "Hash", "Parent Relationship": "Inner", "Total Cost": 8.3, "Plan Rows": 1,
                 "Plans": [{"Node Type": "Index Scan", "Relation Name": "customers", "Index Name": "customers_pkey",
                            "Total Cost": 8.3, "Plan Rows": 1, "Index Cond": "(id = 7)"}]}]}}]
            """;

    private static final String MARIADB_JOIN = """
            {"query_block": {"select_id": 1, "nested_loop": [
              {"table": {"table_name": "a", "access_type": "ALL", "rows": 2000, "filtered": 100,
                         "attached_condition": "a.`name` = 'x' and a.k is not null"}},
              {"block-nl-join": {"table": {"table_name": "c", "access_type": "ALL", "rows": 10, "filtered": 100},
                                 "buffer_type": "flat", "join_type": "BNL", "attached_condition": "c.k = a.k"}},
              {"table": {"table_name": "b", "access_type": "eq_ref", "possible_keys": ["PRIMARY"], "key": "PRIMARY",
                         "key_length": "4", "used_key_parts": ["id"], "ref": ["test.a.k"], "rows": 1,
                         "filtered": 100}}]}}
            """;

    private static final String MYSQL_SCAN = """
            {"query_block": {"select_id": 1, "cost_info": {"query_cost": "203.25"},
              "table": {"table_name": "orders", "access_type": "ALL", "rows_examined_per_scan": 2000,
                        "rows_produced_per_join": 200, "filtered": "10.00",
                        "cost_info": {"read_cost": "163.25", "eval_cost": "40.00", "prefix_cost": "203.25"},
                        "used_columns": ["id", "k"], "attached_condition": "(`test`.`orders`.`k` = 5)"}}}
            """;

    @Test
    void readsAPostgresPlanTree() {
        Plan plan = PostgresPlanReader.read(POSTGRES_JOIN);

        assertThat(plan.nodeType()).isEqualTo("Hash Join");
        assertThat(plan.totalCost()).isEqualTo(2315.25);
        assertThat(plan.condition()).isEqualTo("(o.customer_id = c.id)");
        assertThat(plan.nodes()).extracting(Plan::nodeType)
                .containsExactly("Hash Join", "Seq Scan", "Hash", "Index Scan");
        Plan index = plan.nodes().get(3);
        assertThat(index.relation()).isEqualTo("customers");
        assertThat(index.index()).isEqualTo("customers_pkey");
        assertThat(index.condition()).isEqualTo("(id = 7)");
    }

    @Test
    void marksPostgresSequentialScansAsFullScans() {
        Plan plan = PostgresPlanReader.read(POSTGRES_JOIN);

        assertThat(plan.fullScans()).singleElement().satisfies(scan -> {
            assertThat(scan.relation()).isEqualTo("orders");
            assertThat(scan.rows()).isEqualTo(100);
            assertThat(scan.filter()).isEqualTo("(status = 'new'::text)");
        });
    }

    @Test
    void readsAMariaDbNestedLoopWithItsBlocks() {
        Plan plan = MySqlPlanReader.read(MARIADB_JOIN);

        assertThat(plan.nodes()).extracting(Plan::nodeType)
                .containsExactly("query_block", "ALL", "block-nl-join", "ALL", "eq_ref");
        Plan lookup = plan.nodes().get(4);
        assertThat(lookup.relation()).isEqualTo("b");
        assertThat(lookup.index()).isEqualTo("PRIMARY");
        assertThat(lookup.condition()).isEqualTo("test.a.k");
        assertThat(lookup.fullScan()).isFalse();
    }

    @Test
    void marksMariaDbAccessTypeAllAsFullScans() {
        Plan plan = MySqlPlanReader.read(MARIADB_JOIN);

        assertThat(plan.fullScans()).extracting(Plan::relation, Plan::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2000.0),
                        org.assertj.core.groups.Tuple.tuple("c", 10.0));
        assertThat(plan.fullScans().get(0).filter()).isEqualTo("a.`name` = 'x' and a.k is not null");
    }

    @Test
    void readsMySqlRowsAndCostsWrittenAsStrings() {
        Plan plan = MySqlPlanReader.read(MYSQL_SCAN);

        assertThat(plan.totalCost()).isEqualTo(203.25);
        assertThat(plan.children()).singleElement().satisfies(scan -> {
            assertThat(scan.fullScan()).isTrue();
            assertThat(scan.relation()).isEqualTo("orders");
            assertThat(scan.rows()).isEqualTo(2000);
            assertThat(scan.totalCost()).isEqualTo(203.25);
            assertThat(scan.children()).isEmpty(); // cost_info is no step of the plan
        });
    }
}
