package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDBC placeholders become PostgreSQL's numbered ones, and nothing else in the text changes. */
class PositionalSqlTest {

    @Test
    void numbersPlaceholdersInOrder() {
        PositionalSql p = PositionalSql.of("SELECT * FROM t WHERE a = ? AND b IN (?, ?)");

        assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
        assertThat(p.parameters()).isEqualTo(3);
    }

    @Test
    void leavesQuestionMarksInLiteralsCommentsAndQuotedIdentifiersAlone() {
        String sql = "SELECT '?', \"what?\", $$?$$ /* ? */ FROM t -- ?\nWHERE a = ?";

        PositionalSql p = PositionalSql.of(sql);

        assertThat(p.sql()).isEqualTo("SELECT '?', \"what?\", $$?$$ /* ? */ FROM t -- ?\nWHERE a = $1");
        assertThat(p.parameters()).isEqualTo(1);
    }

    @Test
    void turnsPgjdbcsEscapedOperatorBackIntoTheOperator() {
        PositionalSql p = PositionalSql.of("SELECT * FROM t WHERE doc ?? 'key' AND id = ?");

        assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE doc ? 'key' AND id = $1");
    }

    @Test
    void keepsPlaceholdersAlreadyNumbered() {
        PositionalSql p = PositionalSql.of("SELECT * FROM t WHERE a = $2 AND b = $1");

        assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE a = $2 AND b = $1");
        assertThat(p.parameters()).isEqualTo(2);
    }

    @Test
    void countsStatementsIgnoringTrailingSemicolons() {
        assertThat(PositionalSql.of("SELECT 1;").statements()).isEqualTo(1);
        assertThat(PositionalSql.of("SELECT 1; ;").statements()).isEqualTo(1);
        assertThat(PositionalSql.of("SELECT 1; DELETE FROM t").statements()).isEqualTo(2);
        assertThat(PositionalSql.of("SELECT ';'").statements()).isEqualTo(1);
    }

    @Test
    void saysWhatTheStatementDoes() {
        assertThat(PositionalSql.of("WITH x AS (SELECT 1) UPDATE t SET a = ?").type()).isEqualTo(StatementType.UPDATE);
        assertThat(PositionalSql.of("/* hint */ select 1").type()).isEqualTo(StatementType.SELECT);
    }
}
