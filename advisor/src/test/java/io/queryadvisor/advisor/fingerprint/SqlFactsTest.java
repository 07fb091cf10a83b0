package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The structural facts rules read, from the parse tree, or from tokens where only they are left. */
class SqlFactsTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    private SqlFacts facts(String sql) {
        return fingerprinter.fingerprint(sql).facts();
    }

    @Nested
    class FromTheParseTree {

        @Test
        void findsAStarInTheSelectList() {
            assertThat(facts("SELECT * FROM users").selectStar()).isTrue();
            assertThat(facts("SELECT * FROM users").starTargets()).containsExactly("*");
        }

        @Test
        void findsAStarInASubqueryOfTheWhereClause() {
            SqlFacts facts = facts("SELECT id FROM users WHERE id IN (SELECT * FROM admins)");

            assertThat(facts.selectStar()).isTrue();
            assertThat(facts.starTargets()).containsExactly("*");
        }

        @Test
        void findsAStarInACte() {
            assertThat(facts("WITH recent AS (SELECT * FROM orders) SELECT id FROM recent").selectStar()).isTrue();
        }

        @Test
        void findsAStarInAUnionBranchAndADerivedTable() {
            assertThat(facts("SELECT id FROM a UNION SELECT * FROM b").selectStar()).isTrue();
            assertThat(facts("SELECT x.id FROM (SELECT * FROM orders) x").selectStar()).isTrue();
            assertThat(facts("SELECT (SELECT * FROM one_row) AS v FROM t").selectStar()).isTrue();
        }

        @Test
        void countStarIsNoStar() {
            SqlFacts facts = facts("SELECT count(*), count(t.*) FROM t WHERE EXISTS (SELECT 1 FROM u)");

            assertThat(facts.selectStar()).isFalse();
            assertThat(facts.starTargets()).isEmpty();
        }

        @Test
        void aQualifiedStarNamesItsQualifier() {
            SqlFacts facts = facts("SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id");

            assertThat(facts.selectStar()).isTrue();
            assertThat(facts.starTargets()).containsExactly("o");
        }

        @Test
        void listsEachStarTargetOnce() {
            assertThat(facts("SELECT *, t.* FROM t WHERE a IN (SELECT * FROM u) UNION SELECT t.* FROM t").starTargets())
                    .containsExactly("*", "t");
        }

        @Test
        void listsTablesLowerCaseOnceInOrderWithoutCteNamesOrQuotes() {
            SqlFacts facts = facts("WITH Recent AS (SELECT * FROM Orders) SELECT * FROM \"Customers\" c "
                    + "JOIN recent r ON r.cid = c.id JOIN Public.Orders o ON o.id = r.id "
                    + "WHERE c.id IN (SELECT cid FROM `Blocked`) AND c.x = (SELECT max(x) FROM orders)");

            assertThat(facts.tables()).containsExactly("orders", "customers", "public.orders", "blocked");
        }

        @Test
        void listsTheTargetAndSourcesOfDataChanges() {
            assertThat(facts("INSERT INTO archive SELECT * FROM orders WHERE id < 5").tables())
                    .containsExactly("archive", "orders");
            assertThat(facts("UPDATE orders SET x = 1 FROM shipments s WHERE s.id = orders.id").tables())
                    .containsExactly("orders", "shipments");
            assertThat(facts("MERGE INTO stock t USING incoming s ON t.id = s.id "
                    + "WHEN MATCHED THEN UPDATE SET t.qty = s.qty").tables()).containsExactly("stock", "incoming");
        }

        @Test
        void countsEveryLiteralReplacedIncludingFoldedOnes() {
            assertThat(facts("SELECT * FROM t WHERE a IN (1, 2, 3) AND b = 'x' LIMIT 10").literals()).isEqualTo(5);
            assertThat(facts("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')").literals()).isEqualTo(4);
        }

        @Test
        void doesNotCountBindsAsLiterals() {
            assertThat(facts("SELECT * FROM t WHERE a = ? AND b = :b AND c = $1 AND d IN (?, ?)").literals()).isZero();
        }

        @Test
        void countsDdlLiteralsButNotTypeSizes() {
            assertThat(facts("CREATE TABLE t (a varchar(10) DEFAULT 'x')").literals()).isEqualTo(1);
        }

        @Test
        void seesLimitFetchFirstAndTop() {
            assertThat(facts("SELECT * FROM t LIMIT 10").hasLimit()).isTrue();
            assertThat(facts("SELECT * FROM t FETCH FIRST 10 ROWS ONLY").hasLimit()).isTrue();
            assertThat(facts("SELECT TOP 10 * FROM t").hasLimit()).isTrue();
            assertThat(facts("DELETE FROM t WHERE a < 5 LIMIT 100").hasLimit()).isTrue();
            assertThat(facts("SELECT * FROM t").hasLimit()).isFalse();
            assertThat(facts("SELECT * FROM t LIMIT ALL").hasLimit()).isFalse();
        }

        @Test
        void seesOffsetAndMysqlsOffsetCommaCount() {
            assertThat(facts("SELECT * FROM t LIMIT 10 OFFSET 20").hasOffset()).isTrue();
            assertThat(facts("SELECT * FROM t OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY").hasOffset()).isTrue();
            assertThat(facts("SELECT * FROM t LIMIT 20, 10").hasOffset()).isTrue();
            assertThat(facts("SELECT * FROM t LIMIT 10").hasOffset()).isFalse();
        }

        @Test
        void seesALimitInsideASubquery() {
            SqlFacts facts = facts("SELECT * FROM t WHERE id IN (SELECT id FROM u ORDER BY ts LIMIT 5)");

            assertThat(facts.hasLimit()).isTrue();
            assertThat(facts.hasOffset()).isFalse();
        }
    }

    @Nested
    class ColumnsOfWrites {

        @Test
        void listsTheColumnsAnUpdateSets() {
            SqlFacts facts = facts("UPDATE order_lines SET order_id = ? WHERE id = ?");

            assertThat(facts.setColumns()).containsExactly("order_id");
            assertThat(facts.whereEqualsColumns()).containsExactly("id");
            assertThat(facts.tables()).containsExactly("order_lines");
        }

        @Test
        void namesColumnsUnquotedUnqualifiedAndLowerCase() {
            SqlFacts facts = facts(
                    "UPDATE \"Lines\" l SET l.\"Order_Id\" = 7, Qty = qty + 1 WHERE l.ID = 42 AND ? = tenant");

            assertThat(facts.setColumns()).containsExactly("order_id", "qty");
            assertThat(facts.whereEqualsColumns()).containsExactly("id", "tenant");
        }

        @Test
        void readsAWhereOfEqualitiesInsideParentheses() {
            assertThat(facts("DELETE FROM carts WHERE (id = ? AND owner = 'x')").whereEqualsColumns())
                    .containsExactly("id", "owner");
        }

        @Test
        void leavesOutAWhereThatDoesMoreThanCompareColumnsWithValues() {
            assertThat(facts("UPDATE t SET a = ? WHERE id = ? OR id = ?").whereEqualsColumns()).isEmpty();
            assertThat(facts("UPDATE t SET a = ? WHERE id > ?").whereEqualsColumns()).isEmpty();
            assertThat(facts("UPDATE t SET a = ? WHERE id = ? AND b = c").whereEqualsColumns()).isEmpty();
            assertThat(facts("UPDATE t SET a = ? WHERE id IN (SELECT x FROM u)").whereEqualsColumns()).isEmpty();
            assertThat(facts("UPDATE t SET a = ?").whereEqualsColumns()).isEmpty();
        }

        @Test
        void knowsNoWriteColumnsOfOtherStatements() {
            assertThat(facts("SELECT id FROM t WHERE id = ?").setColumns()).isEmpty();
            assertThat(facts("INSERT INTO t (a, b) VALUES (?, ?)").setColumns()).isEmpty();
            assertThat(facts("INSERT INTO t (a, b) VALUES (?, ?)").whereEqualsColumns()).isEmpty();
        }

        @Test
        void readsTheKeyAOneTableSelectLooksUp() {
            assertThat(facts("SELECT name FROM t WHERE id = ?").whereEqualsColumns()).containsExactly("id");
            assertThat(facts("SELECT t.name FROM t JOIN u ON u.t_id = t.id WHERE t.id = ?").whereEqualsColumns())
                    .as("a join reads more than a row by its key").isEmpty();
            assertThat(facts("SELECT name FROM t WHERE id > ?").whereEqualsColumns()).isEmpty();
        }

        @Test
        void aLookupByIdIsOnlyAWhereOnTheIdAlone() {
            assertThat(facts("select p1_0.id,p1_0.name from products p1_0 where p1_0.id=?").looksUpById()).isTrue();
            assertThat(facts("SELECT name FROM t WHERE id IN (?, ?)").looksUpById()).isFalse();
            assertThat(facts("SELECT name FROM t WHERE id = ? AND tenant = ?").looksUpById()).isFalse();
            assertThat(facts("SELECT name FROM t WHERE sku = ?").looksUpById()).isFalse();
        }

        @Test
        void putsTheTargetOfAnUpdateFirst() {
            assertThat(facts("UPDATE orders SET total = s.total FROM sums s WHERE s.id = orders.id").tables())
                    .startsWith("orders");
            assertThat(facts("INSERT INTO archive SELECT * FROM orders").tables()).startsWith("archive");
        }

        @Test
        void knowsNoWriteColumnsFromTokens() {
            Fingerprint fp = fingerprinter.fingerprint("UPDATE docs SET owner = ? WHERE id = ? AND doc ?? 'k'");

            assertThat(fp.parsed()).isFalse();
            assertThat(fp.facts().setColumns()).isEmpty();
            assertThat(fp.facts().whereEqualsColumns()).isEmpty();
        }
    }

    @Nested
    class FromTokensWhenJSqlParserCannotParse {

        @Test
        void findsAStarThatIsAWholeSelectItem() {
            Fingerprint fp = fingerprinter.fingerprint("SELECT * FROM docs WHERE doc ?? 'k'");

            assertThat(fp.parsed()).isFalse();
            assertThat(fp.facts().selectStar()).isTrue();
            assertThat(fp.facts().starTargets()).containsExactly("*");
        }

        @Test
        void findsQualifiedAndDistinctStars() {
            assertThat(facts("SELECT DISTINCT d.* FROM docs d WHERE doc ?? 'k'").starTargets()).containsExactly("d");
            assertThat(facts("SELECT id, s.d.* FROM docs WHERE doc ?? 'k'").starTargets()).containsExactly("s.d");
            assertThat(facts("SELECT id FROM docs WHERE id IN (SELECT * FROM x) AND doc ?? 'k'").selectStar()).isTrue();
        }

        @Test
        void takesNoMultiplicationOrCountForAStar() {
            assertThat(facts("SELECT a * b FROM docs WHERE doc ?? 'k'").selectStar()).isFalse();
            assertThat(facts("SELECT count(*), 2 * price FROM docs WHERE doc ?? 'k'").selectStar()).isFalse();
            assertThat(facts("SELECT count(t.*) FROM docs t WHERE doc ?? 'k'").selectStar()).isFalse();
        }

        @Test
        void readsTablesAfterFromJoinIntoAndUpdate() {
            assertThat(facts("SELECT * FROM Docs d, \"Tags\" t JOIN owners o ON o.id = d.owner WHERE doc ?? 'k'").tables())
                    .containsExactly("docs", "tags", "owners");
            assertThat(facts("MERGE INTO Users KEY (id) VALUES (1, 'a')").tables()).containsExactly("users");
            assertThat(facts("UPDATE docs SET n = 1 WHERE doc ?? 'k'").tables()).containsExactly("docs");
            assertThat(facts("INSERT INTO Notes (body) VALUES (E'it\\'s')").tables()).containsExactly("notes");
        }

        @Test
        void takesNoFunctionArgumentOrCteForATable() {
            SqlFacts facts = facts("WITH recent AS (SELECT id FROM docs) SELECT EXTRACT(YEAR FROM created_at), "
                    + "trim(both ' ' from name) FROM recent WHERE a IS DISTINCT FROM b AND doc ?? 'k'");

            assertThat(facts.tables()).containsExactly("docs");
            assertThat(facts("SELECT * FROM generate_series(1, 3) WHERE doc ?? 'k'").tables()).isEmpty();
        }

        @Test
        void countsLiteralsAndSeesLimitAndOffset() {
            SqlFacts facts = facts("SELECT * FROM docs WHERE doc ?? 'k' AND n IN (1, 2) LIMIT 10 OFFSET 5");

            assertThat(facts.literals()).isEqualTo(5);
            assertThat(facts.hasLimit()).isTrue();
            assertThat(facts.hasOffset()).isTrue();
            assertThat(facts("SELECT * FROM docs WHERE doc ?? 'k' LIMIT 5, 10").hasOffset()).isTrue();
        }
    }
}
