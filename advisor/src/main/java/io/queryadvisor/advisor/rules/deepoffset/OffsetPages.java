package io.queryadvisor.advisor.rules.deepoffset;

import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.Paging;
import io.queryadvisor.advisor.rules.support.CallSiteTally;

/**
 * The pages one OFFSET query read: how many, the offsets known (a literal, or a sampled bind), the
 * deepest, the rows the database had to walk through for the deepest (offset plus the page's rows),
 * and how many had a count query beside them. Bounded: counters and one call-site tally.
 */
final class OffsetPages {

    static final int MAX_CALL_SITES = 8;

    private final CallSiteTally callSites = new CallSiteTally(MAX_CALL_SITES);
    private Paging paging;
    private long executions;
    private long offsetsKnown;
    private long deepPages;
    private long deepNanos;
    private long maxOffset = -1;
    private long firstOffset = -1;
    private long pageSize = -1;
    private long maxRowsScanned;
    private long withCount;
    private String countQuery;
    private String dataSource;

    OffsetPages(Paging paging) {
        this.paging = paging;
    }

    void record(StatementExecuted e, Fingerprint fp, long threshold) {
        executions++;
        paging = fp.facts().paging();
        long offset = paging.bounds().offset(e.bindValues());
        long limit = paging.bounds().limit(e.bindValues());
        if (limit >= 0) {
            pageSize = limit;
        }
        if (offset >= 0) {
            offsetsKnown++;
            if (firstOffset < 0) {
                firstOffset = offset;
            }
            maxOffset = Math.max(maxOffset, offset);
            maxRowsScanned = Math.max(maxRowsScanned, offset + Math.max(0, e.rowsRead()));
            if (offset >= threshold) {
                deepPages++;
                deepNanos += Math.max(0, e.durationNanos());
                callSites.add(e.callSite(), 1);
            }
        }
        if (dataSource == null) {
            dataSource = e.source();
        }
    }

    /** A page of this query ran in the same unit of work as a count query on its table. */
    void countedBeside(String countFingerprint) {
        withCount++;
        countQuery = countFingerprint;
    }

    Paging paging() {
        return paging;
    }

    long executions() {
        return executions;
    }

    long offsetsKnown() {
        return offsetsKnown;
    }

    long deepPages() {
        return deepPages;
    }

    double deepMillis() {
        return deepNanos / 1_000_000.0;
    }

    long maxOffset() {
        return maxOffset;
    }

    long firstOffset() {
        return firstOffset;
    }

    /** The page size (LIMIT, FETCH FIRST) last known, or -1. */
    long pageSize() {
        return pageSize;
    }

    long maxRowsScanned() {
        return maxRowsScanned;
    }

    long withCount() {
        return Math.min(withCount, executions);
    }

    String countQuery() {
        return countQuery;
    }

    CallSiteTally callSites() {
        return callSites;
    }

    String dataSource() {
        return dataSource;
    }
}
