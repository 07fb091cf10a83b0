package io.queryadvisor.advisor.rules.unboundedresult;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.CallSiteTally;

/**
 * The rows the executions of one query without a limit read: the largest, how many went over the
 * threshold, the mean of the first {@code window} executions and of the latest {@code window}
 * (whether it keeps growing), and how many were asked to stream (a fetch size). Bounded: one ring of
 * {@code window} counts.
 */
final class ResultSizes {

    static final int MAX_CALL_SITES = 8;

    private final Fingerprint fingerprint;
    private final long[] recent;
    private final CallSiteTally callSites = new CallSiteTally(MAX_CALL_SITES);
    private long executions;
    private long maxRows;
    private long overThreshold;
    private long overThresholdNanos;
    private long nanos;
    private long firstRows;
    private long recentRows;
    private long withFetchSize;
    private long fetchSizeInAutoCommit;
    private int largestFetchSize;
    private String dataSource;

    ResultSizes(Fingerprint fingerprint, int window) {
        this.fingerprint = fingerprint;
        this.recent = new long[window];
    }

    void record(StatementExecuted e, long threshold, int fetchSize) {
        long rows = e.rowsRead();
        int slot = (int) (executions % recent.length);
        if (executions < recent.length) {
            firstRows += rows;
        } else {
            recentRows -= recent[slot];
        }
        recent[slot] = rows;
        recentRows += rows;
        executions++;
        nanos += Math.max(0, e.durationNanos());
        maxRows = Math.max(maxRows, rows);
        if (rows >= threshold) {
            overThreshold++;
            overThresholdNanos += Math.max(0, e.durationNanos());
        }
        if (fetchSize > 0) {
            withFetchSize++;
            largestFetchSize = Math.max(largestFetchSize, fetchSize);
            if (e.transactionId() == 0) {
                fetchSizeInAutoCommit++;
            }
        }
        callSites.add(e.callSite(), 1);
        if (dataSource == null) {
            dataSource = e.source();
        }
    }

    /**
     * Whether the latest executions read at least {@code factor} times the rows of the first ones,
     * and at least {@code minRows} on average: known once twice the window has run.
     */
    boolean growing(double factor, long minRows) {
        return comparable() && recentMean() >= minRows && recentMean() >= factor * Math.max(1, firstMean());
    }

    /** Whether the first and the latest executions are apart, so that their means compare. */
    boolean comparable() {
        return executions >= 2L * recent.length;
    }

    double firstMean() {
        return (double) firstRows / Math.min(executions, recent.length);
    }

    double recentMean() {
        return (double) recentRows / Math.min(executions, recent.length);
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    long executions() {
        return executions;
    }

    long maxRows() {
        return maxRows;
    }

    long overThreshold() {
        return overThreshold;
    }

    /** Time of the executions over the threshold, or of all when none was. */
    double impactMillis() {
        return (overThreshold > 0 ? overThresholdNanos : nanos) / 1_000_000.0;
    }

    long withFetchSize() {
        return withFetchSize;
    }

    /** Executions with a fetch size that ran in auto-commit, where pgjdbc ignores it. */
    long fetchSizeInAutoCommit() {
        return fetchSizeInAutoCommit;
    }

    int largestFetchSize() {
        return largestFetchSize;
    }

    CallSiteTally callSites() {
        return callSites;
    }

    String dataSource() {
        return dataSource;
    }
}
