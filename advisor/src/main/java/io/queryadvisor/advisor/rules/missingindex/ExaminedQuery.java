package io.queryadvisor.advisor.rules.missingindex;

import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * What the rule keeps of one query: its executions (to judge whether it is worth examining, and
 * its mean time before and after an index), an example to explain, when it was last examined,
 * the examination under way, and the advice or resolution found.
 */
final class ExaminedQuery {

    String source;
    String sql;
    long count;
    long totalNanos;
    long lastExaminedNanos;
    boolean examined;
    Examination examination;
    IndexAdvice advice;
    Resolution resolution;

    /** The index advised earlier now serves the query: what it was, and the executions before it. */
    record Resolution(IndexAdvice advice, long countBefore, long nanosBefore) {

        double meanMillisBefore() {
            return countBefore == 0 ? 0 : nanosBefore / 1_000_000.0 / countBefore;
        }
    }

    /**
     * Longer texts are not kept (the rule keeps one per fingerprint: its memory stays bounded in
     * bytes); such a query is examined with its sampled values only, whose samples keep their own text.
     */
    static final int MAX_SQL_LENGTH = 4_096;

    void record(StatementExecuted e) {
        source = e.source();
        sql = e.sql().length() <= MAX_SQL_LENGTH ? e.sql() : null;
        count++;
        totalNanos += e.durationNanos();
    }

    double totalMillis() {
        return totalNanos / 1_000_000.0;
    }

    /** The scan is gone: the advice becomes a resolution, the executions so far its "before". */
    void resolve() {
        if (advice != null) {
            resolution = new Resolution(advice, count, totalNanos);
            advice = null;
        }
    }

    /** Mean time of the executions since the resolution; -1 when there were none. */
    double meanMillisAfter() {
        long n = count - resolution.countBefore();
        return n <= 0 ? -1 : (totalNanos - resolution.nanosBefore()) / 1_000_000.0 / n;
    }
}
