package io.queryadvisor.advisor.rules.slowquery;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;

/** The slow-query finding says what kind of slow the statement is, and what to do about that kind. */
class SlowQuerySuggestionTest {

    private static final Fingerprint BULK_LOAD = fingerprint("INSERT INTO order_lines (order_id) SELECT g FROM generate_series(1, ?) g");
    private static final Fingerprint EXPORT = fingerprint("SELECT id, name FROM customers");
    private static final Fingerprint BY_KEY = new Fingerprinter().fingerprint("SELECT name FROM customers WHERE id = ?",
            Dialect.POSTGRESQL);
    private static final Fingerprint BY_EMAIL = fingerprint("SELECT id FROM customers WHERE email = ?");

    private static RuleWorkload workload() {
        return new RuleWorkload(new SlowQueryRule(settings(SlowQueryRule.ID), line -> { }));
    }

    @Test
    void callsABulkLoadRunOnceAOneOff() {
        Recommendation r = workload().run(execution(BULK_LOAD).millis(450).rows(180_000)).only();

        assertThat(r.evidence()).containsEntry("diagnosis", "one-off");
        assertThat(r.suggestion().text()).startsWith("It ran once, handling 180000 rows: a one-off")
                .doesNotContain("roll back");
        assertThat(r.suggestion().code()).as("no EXPLAIN ANALYZE, which would load the rows again").isNull();
    }

    @Test
    void offersNoExplainForAStatementExplainDoesNotTake() {
        Fingerprint analyze = fingerprint("ANALYZE customers, orders");

        Recommendation r = workload().run(5, execution(analyze).millis(300)).only();

        assertThat(r.suggestion().code()).isNull();
    }

    @Test
    void callsAQueryReadingThousandsOfRowsALargeResult() {
        Recommendation r = workload().run(5, execution(EXPORT).millis(150).rows(20_000)).only();

        assertThat(r.evidence()).containsEntry("diagnosis", "large result");
        assertThat(r.suggestion().text()).contains("20000 rows per execution", "keyset", "fetch size");
    }

    @Test
    void callsASlowPrimaryKeyLookupAWait() {
        Recommendation r = workload().run(5, execution(BY_KEY).millis(150).rows(1)).only();

        assertThat(r.evidence()).containsEntry("diagnosis", "waits (lock or load)");
        assertThat(r.suggestion().text()).contains("one row by its key", "row lock", "pg_locks");
    }

    @Test
    void callsAFastQueryWithSlowExecutionsAWait() {
        Recommendation r = workload()
                .run(95, execution(BY_EMAIL).millis(2).rows(1))
                .run(5, execution(BY_EMAIL).millis(300).rows(1))
                .only();

        assertThat(r.evidence()).containsEntry("diagnosis", "waits (lock or load)");
        assertThat(r.suggestion().text()).contains("a typical execution takes 2.0", "pg_stat_activity");
    }

    @Test
    void callsAFewRowsReadSlowlyEveryTimeAnIndexProblem() {
        Recommendation r = workload().run(5, execution(BY_EMAIL).millis(180).rows(1)).only();

        assertThat(r.evidence()).containsEntry("diagnosis", "reads few rows slowly (index)");
        assertThat(r.suggestion().text()).contains("reads only 1 row per execution yet takes 180 ms", "Index the columns",
                "missing-index");
    }
}
