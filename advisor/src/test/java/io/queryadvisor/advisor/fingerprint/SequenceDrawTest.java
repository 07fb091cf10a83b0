package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A SELECT that draws from a sequence answers anew each time: no read a cache could serve. */
class SequenceDrawTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    private boolean drawsFromSequence(String sql) {
        return fingerprinter.fingerprint(sql).drawsFromSequence();
    }

    @Test
    void findsPostgresNextval() {
        assertThat(drawsFromSequence("select nextval('order_line_ids')")).isTrue();
    }

    @Test
    void findsOracleAndStandardSequenceDraws() {
        assertThat(drawsFromSequence("SELECT order_ids.NEXTVAL FROM dual")).isTrue();
        assertThat(drawsFromSequence("VALUES NEXT VALUE FOR order_ids")).isTrue();
    }

    @Test
    void aReadIsNoDraw() {
        assertThat(drawsFromSequence("SELECT id, next_visit FROM customers WHERE id = ?")).isFalse();
        assertThat(drawsFromSequence("SELECT last_value FROM order_ids")).isFalse();
    }
}
