package io.queryadvisor.advisor.rules.nplusone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.rules.nplusone.NPlusOneRewriter.KeyRewrite;

class NPlusOneRewriterTest {

    private static KeyRewrite rewrite(String statement) {
        return NPlusOneRewriter.allKeysAtOnce(statement, null);
    }

    @Test
    void comparesTheKeyWithAnArrayOfAllKeysAndSelectsIt() {
        KeyRewrite r = rewrite("SELECT id, total FROM order_lines WHERE order_id = ?");

        assertThat(r.sql()).isEqualTo("SELECT order_id, id, total FROM order_lines WHERE order_id = ANY(?)");
        assertThat(r.keyColumn()).isEqualTo("order_id");
        assertThat(r.problem()).isNull();
    }

    @Test
    void leavesTheSelectListAloneWhenItReturnsTheKey() {
        assertThat(rewrite("SELECT * FROM order_lines WHERE order_id = ?").sql())
                .isEqualTo("SELECT * FROM order_lines WHERE order_id = ANY(?)");
        assertThat(rewrite("SELECT l.* FROM order_lines l WHERE l.order_id = ?").sql())
                .isEqualTo("SELECT l.* FROM order_lines l WHERE l.order_id = ANY(?)");
        assertThat(rewrite("SELECT ORDER_ID, total FROM order_lines WHERE order_id = ?").sql())
                .isEqualTo("SELECT ORDER_ID, total FROM order_lines WHERE order_id = ANY(?)");
    }

    @Test
    void keepsTheOtherConditionsAndTheOrder() {
        assertThat(rewrite("SELECT l.id FROM order_lines l JOIN products p ON p.id = l.product_id"
                + " WHERE ? = l.order_id AND p.deleted_at IS NULL ORDER BY l.id").sql())
                .isEqualTo("SELECT l.order_id, l.id FROM order_lines l JOIN products p ON p.id = l.product_id"
                        + " WHERE l.order_id = ANY(?) AND p.deleted_at IS NULL ORDER BY l.id");
    }

    @Test
    void refusesWhenWhichParameterIsTheKeyCannotBeTold() {
        KeyRewrite r = rewrite("SELECT id FROM order_lines WHERE order_id = ? AND status = ?");

        assertThat(r.sql()).isNull();
        assertThat(r.problem()).contains("compares 2 columns with ? (order_id, status)");
    }

    @Test
    void tellsTheKeyFromLiteralsByTheStatementAsPrepared() {
        KeyRewrite r = NPlusOneRewriter.allKeysAtOnce("SELECT id FROM order_lines WHERE order_id = ? AND status = ?",
                "select id from order_lines where ORDER_ID = ? and status = 'open'");

        assertThat(r.sql()).isEqualTo("SELECT order_id, id FROM order_lines WHERE order_id = ANY(?) AND status = ?");
    }

    @Test
    void refusesWhenTheStatementAsPreparedDoesNotTellTheKeyEither() {
        assertThat(NPlusOneRewriter.allKeysAtOnce("SELECT id FROM order_lines WHERE order_id = ? AND status = ?",
                "SELECT id FROM order_lines WHERE order_id = ? AND status = ?").sql()).isNull();
    }

    @Test
    void refusesWithoutASimpleKeyCondition() {
        assertThat(rewrite("SELECT id FROM order_lines WHERE order_id = ? OR parent_id = ?").problem())
                .contains("no simple column = ? condition");
        assertThat(rewrite("SELECT id FROM order_lines WHERE order_id > ?").problem())
                .contains("no simple column = ? condition");
    }

    @Test
    void refusesWhatWouldThenApplyToAllKeysTogether() {
        KeyRewrite limited = rewrite("SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT ?");
        KeyRewrite counted = rewrite("SELECT count(*) FROM order_lines WHERE order_id = ?");
        KeyRewrite grouped = rewrite("SELECT status FROM order_lines WHERE order_id = ? GROUP BY status");

        assertThat(limited.sql()).isNull();
        assertThat(limited.problem()).contains("LIMIT", "ROW_NUMBER() OVER (PARTITION BY");
        assertThat(limited.keyColumn()).isEqualTo("order_id");
        assertThat(counted.problem()).contains("aggregates", "GROUP BY");
        assertThat(grouped.problem()).contains("aggregates");
    }

    @Test
    void refusesWhatIsNotASingleSelect() {
        assertThat(rewrite("SELECT id FROM a WHERE k = ? UNION SELECT id FROM b WHERE k = ?").problem())
                .isEqualTo("it is not a single SELECT");
        assertThat(rewrite("SELECT id FROM a WHERE k = ? FOR SHARE OF a NOWAIT SKIP").problem())
                .isEqualTo("the statement could not be parsed");
    }
}
