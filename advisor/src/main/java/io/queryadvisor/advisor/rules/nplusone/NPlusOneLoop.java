package io.queryadvisor.advisor.rules.nplusone;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;
import io.queryadvisor.advisor.rules.support.ExecutionValues;

/**
 * The executions of one fingerprint from one call site within one unit of work: a loop, if there
 * are enough of them with different values.
 *
 * <p>Of the values it keeps only the first execution's and whether any later one differed: an N+1
 * needs "at least two different", and a set of hashes would grow with the loop.
 */
final class NPlusOneLoop {

    private final Fingerprint fingerprint;
    private final long firstStartNanos;
    private CallSite callSite;
    private int executions;
    private long nanos;
    private long firstValues;
    private boolean valuesDiffer;
    private String preparedSql;
    private String dataSource;
    private Fingerprint source;
    private long sourceRows = -1;
    private long sourceStartNanos = Long.MIN_VALUE;

    /**
     * @param fingerprint     what it runs
     * @param callSite        where it runs from, or {@code null} until a sampled execution says
     * @param firstStartNanos when its first execution started
     */
    NPlusOneLoop(Fingerprint fingerprint, CallSite callSite, long firstStartNanos) {
        this.fingerprint = fingerprint;
        this.callSite = callSite;
        this.firstStartNanos = firstStartNanos;
    }

    void record(StatementExecuted e) {
        long values = ExecutionValues.hash(e);
        if (executions == 0) {
            firstValues = values;
        } else if (values != firstValues) {
            valuesDiffer = true;
        }
        if (dataSource == null) {
            dataSource = e.source();
        }
        // only a text a person can read is kept (and re-read by the rewriter): never an application's 100 KB one
        if (preparedSql == null && e.bindCount() > 0 && e.sql().length() <= FingerprintCache.MAX_STORED_TEXT) {
            preparedSql = e.sql();
        }
        executions++;
        nanos += Math.max(0, e.durationNanos());
    }

    /**
     * A query that started before this loop: it becomes the loop's source if it started later than
     * the source known so far. Called in capture order, and again for a query whose event came late
     * (a result set read while the loop ran is captured when it closes, after the loop).
     */
    void offerSource(Fingerprint query, long rowsRead, long startNanos) {
        if (startNanos <= firstStartNanos && startNanos >= sourceStartNanos) {
            source = query;
            sourceRows = rowsRead;
            sourceStartNanos = startNanos;
        }
    }

    /** Whether this is an N+1: at least {@code threshold} executions, not all with the same values. */
    boolean repeatsWithDifferentValues(int threshold) {
        return executions >= threshold && valuesDiffer;
    }

    /** Names the call site of a loop whose earlier executions were not sampled. */
    void calledFrom(CallSite site) {
        this.callSite = site;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    CallSite callSite() {
        return callSite;
    }

    int executions() {
        return executions;
    }

    long nanos() {
        return nanos;
    }

    /**
     * The statement as the application prepared it (the application's own string, not a copy), or
     * {@code null} when it inlined its values: it tells binds from literals the fingerprint masked.
     */
    String dataSource() {
        return dataSource;
    }

    String preparedSql() {
        return preparedSql;
    }

    /** The query that ran just before the loop began, or {@code null}. */
    Fingerprint source() {
        return source;
    }

    /** Rows the application read from the source, -1 if unknown. */
    long sourceRows() {
        return sourceRows;
    }
}
