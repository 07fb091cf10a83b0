package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;

/** A few sampled values per fingerprint, bounded whatever the workload, and never shown. */
class BindSamplesTest {

    private static final String SELECT = "SELECT * FROM orders WHERE id = ?";
    private final BindSamples samples = new BindSamples(2);

    private static Fingerprint fingerprint(String id, StatementType type) {
        return new Fingerprint(id, "text of " + id, type, true, SqlFacts.NONE);
    }

    private static ObservedStatement run(Fingerprint fp, String sql, Object... values) {
        return execution(fp, sql, 1, null, values);
    }

    private static ObservedStatement execution(Fingerprint fp, String sql, int batch, String error, Object[] values) {
        StatementExecuted e = new StatementExecuted(sql, StatementKind.QUERY, batch, values == null ? 0 : values.length,
                values == null ? 0 : Arrays.hashCode(values), 0, 1_000, 1, error, 1, 0, 1, "main", null, 0, List.of(),
                null, "pool", values);
        return new ObservedStatement(e, fp, 0);
    }

    private List<List<Object>> valuesOf(String fingerprintId) {
        return samples.samples(fingerprintId).stream().map(BindSample::values).toList();
    }

    @Test
    void keepsTheLatestThreeDistinctSamplesOfAFingerprint() {
        Fingerprint fp = fingerprint("a", StatementType.SELECT);
        for (int id = 1; id <= 5; id++) {
            samples.onEvent(run(fp, SELECT, id));
        }

        assertThat(valuesOf("a")).containsExactly(List.of(3), List.of(4), List.of(5));
        assertThat(samples.samples("a").get(0).sql()).isEqualTo(SELECT);
        assertThat(samples.samples("a").get(0).source()).isEqualTo("pool");
    }

    @Test
    void keepsTheSameValuesOnce() {
        Fingerprint fp = fingerprint("a", StatementType.SELECT);
        samples.onEvent(run(fp, SELECT, 1));
        samples.onEvent(run(fp, SELECT, 1));

        assertThat(valuesOf("a")).containsExactly(List.of(1));
    }

    @Test
    void keepsSelectUpdateAndDeleteOnly() {
        BindSamples wide = new BindSamples(10);
        wide.onEvent(run(fingerprint("s", StatementType.SELECT), SELECT, 1));
        wide.onEvent(run(fingerprint("u", StatementType.UPDATE), "UPDATE t SET a = ? WHERE id = ?", 1, 2));
        wide.onEvent(run(fingerprint("d", StatementType.DELETE), "DELETE FROM t WHERE id = ?", 1));
        wide.onEvent(run(fingerprint("i", StatementType.INSERT), "INSERT INTO t VALUES (?)", 1));

        assertThat(wide.size()).isEqualTo(3);
        assertThat(wide.samples("i")).isEmpty();
    }

    @Test
    void ignoresExecutionsThatWereNotSampledFailedOrBatched() {
        Fingerprint fp = fingerprint("a", StatementType.SELECT);
        samples.onEvent(execution(fp, SELECT, 1, null, null));
        samples.onEvent(execution(fp, SELECT, 1, "java.sql.SQLException", new Object[] {1}));
        samples.onEvent(execution(fp, SELECT, 5, null, new Object[] {1}));

        assertThat(samples.samples("a")).isEmpty();
    }

    @Test
    void dropsTheLeastRecentlySeenFingerprintBeyondTheBound() {
        samples.onEvent(run(fingerprint("a", StatementType.SELECT), SELECT, 1));
        samples.onEvent(run(fingerprint("b", StatementType.SELECT), SELECT, 1));
        samples.onEvent(run(fingerprint("a", StatementType.SELECT), SELECT, 2)); // a seen again
        samples.onEvent(run(fingerprint("c", StatementType.SELECT), SELECT, 1));

        assertThat(samples.samples("b")).isEmpty();
        assertThat(samples.samples("a")).hasSize(2);
        assertThat(samples.samples("c")).hasSize(1);
        assertThat(samples.evicted()).isEqualTo(1);
    }

    @Test
    void skipsLargeValuesAndTypesItCannotBindAgain() {
        Fingerprint fp = fingerprint("a", StatementType.SELECT);
        samples.onEvent(run(fp, SELECT, "x".repeat(BindSamples.MAX_VALUE_LENGTH + 1)));
        samples.onEvent(run(fp, SELECT, new StringBuilder("mutable")));

        assertThat(samples.samples("a")).isEmpty();
        assertThat(samples.skipped()).isEqualTo(2);
    }

    @Test
    void keepsACopyOfMutableValues() {
        byte[] key = {1, 2, 3};
        samples.onEvent(run(fingerprint("a", StatementType.SELECT), SELECT, (Object) key));

        key[0] = 9;

        assertThat((byte[]) samples.samples("a").get(0).values().get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void keepsABoundNull() {
        samples.onEvent(run(fingerprint("a", StatementType.SELECT), SELECT, (Object) null));

        assertThat(samples.samples("a").get(0).values()).containsExactly((Object) null);
    }

    @Test
    void neverShowsTheValues() {
        samples.onEvent(run(fingerprint("a", StatementType.SELECT), SELECT, "secret-value"));
        BindSample sample = samples.samples("a").get(0);

        assertThat(sample.toString()).doesNotContain("secret-value").contains("1 value (not shown)");
        assertThat(ExplainRequest.of("rule", "a", sample).toString()).doesNotContain("secret-value");
    }
}
