package io.queryadvisor.advisor.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.PackedHistogram;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;

/**
 * The running totals of one fingerprint. Not thread-safe: owned by {@link QueryStatistics}.
 *
 * <p>Durations go into a packed HDR histogram in microseconds (1 µs to 1 h, 2 significant
 * digits): a packed histogram only holds the buckets it has used, a few hundred bytes for a
 * typical query, where a dense one would take ~26 KB per fingerprint.
 */
final class FingerprintAccumulator {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final Fingerprint fingerprint;
    private final int maxCallSites;
    private final PackedHistogram micros = new PackedHistogram(1, MAX_MICROS, 2);
    private final Map<CallSite, long[]> callSites = new HashMap<>();
    private final EndpointTally endpoints = new EndpointTally();
    private long otherCallSites;
    private long count;
    private long errors;
    private long totalNanos;
    private long maxNanos;
    private long rows;
    private long batchedStatements;
    private long firstSeen;
    private long lastSeen;
    // The last snapshot, until the next record: the consumer publishes many times a second while
    // the application starts, and most queries have not run since the previous publication
    // (reading percentiles walks the histogram: it was the consumer's main cost at start-up).
    private QueryStats snapshot;

    FingerprintAccumulator(Fingerprint fingerprint, int maxCallSites) {
        this.fingerprint = fingerprint;
        this.maxCallSites = maxCallSites;
    }

    void record(ObservedStatement s) {
        snapshot = null;
        StatementExecuted e = s.event();
        long epochMillis = s.epochMillis();
        if (count == 0) {
            firstSeen = epochMillis;
        }
        count++;
        lastSeen = epochMillis;
        if (e.failed()) {
            errors++;
        }
        long nanos = Math.max(0, e.durationNanos());
        totalNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
        micros.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
        if (e.rowsRead() > 0) {
            rows += e.rowsRead();
        }
        batchedStatements += e.batchSize();
        endpoints.record(s.endpoint(), nanos);
        if (e.callSite() != null) {
            long[] n = callSites.get(e.callSite());
            if (n != null) {
                n[0]++;
            } else if (callSites.size() < maxCallSites) {
                callSites.put(e.callSite(), new long[] {1});
            } else {
                otherCallSites++;
            }
        }
    }

    long totalNanos() {
        return totalNanos;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    QueryStats snapshot() {
        if (snapshot == null) {
            snapshot = newSnapshot();
        }
        return snapshot;
    }

    private QueryStats newSnapshot() {
        List<CallSiteCount> sites = new ArrayList<>(callSites.size() + 1);
        callSites.forEach((site, n) -> sites.add(CallSiteCount.of(site, n[0])));
        sites.sort(Comparator.comparingLong(CallSiteCount::count).reversed().thenComparing(CallSiteCount::callSite));
        if (otherCallSites > 0) {
            sites.add(CallSiteCount.others(otherCallSites));
        }
        return new QueryStats(fingerprint.id(), fingerprint.text(), fingerprint.type(), count, errors,
                millis(totalNanos), count == 0 ? 0 : millis(totalNanos) / count,
                percentile(50), percentile(95), percentile(99), millis(maxNanos),
                rows, batchedStatements, sites, endpoints.snapshot(), firstSeen, lastSeen);
    }

    private double percentile(double p) {
        // The histogram keeps 2 significant digits; never report a percentile above the true max.
        return Math.min(micros.getValueAtPercentile(p) / 1_000.0, millis(maxNanos));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
