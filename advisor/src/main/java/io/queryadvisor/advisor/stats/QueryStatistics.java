package io.queryadvisor.advisor.stats;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ObservedStatement;

/**
 * Per-fingerprint statistics, bounded in the number of fingerprints it keeps.
 *
 * <p>Confined to the advisor's consumer thread, which writes it and takes the snapshots the advisor
 * publishes: no lock, and no reader ever waits for it.
 *
 * <p>When a new fingerprint would exceed the bound, one is evicted: the one with the least total
 * time among the {@value #EVICTION_CANDIDATES} least recently executed. A flood of one-off
 * statements thus evicts its own kind, not the slow query that runs once an hour. Each eviction
 * is counted and shown.
 */
public final class QueryStatistics implements CaptureListener {

    private static final int EVICTION_CANDIDATES = 16;

    private final int maxFingerprints;
    private final int maxCallSites;
    private final LinkedHashMap<String, FingerprintAccumulator> byId = new LinkedHashMap<>(256, 0.75f, true);
    private long evicted;
    private long observed;

    public QueryStatistics(int maxFingerprints, int maxCallSitesPerFingerprint) {
        if (maxFingerprints < 1) {
            throw new IllegalArgumentException("maxFingerprints must be at least 1");
        }
        this.maxFingerprints = maxFingerprints;
        this.maxCallSites = maxCallSitesPerFingerprint;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement s) {
            record(s);
        }
    }

    private void record(ObservedStatement s) {
        observed++;
        FingerprintAccumulator acc = byId.get(s.fingerprint().id());
        if (acc == null) {
            if (byId.size() >= maxFingerprints) {
                evictOne();
            }
            acc = new FingerprintAccumulator(s.fingerprint(), maxCallSites);
            byId.put(s.fingerprint().id(), acc);
        }
        acc.record(s);
    }

    /** Snapshots of every tracked fingerprint, most total time first. */
    public List<QueryStats> snapshot() {
        List<QueryStats> out = new ArrayList<>(byId.size());
        for (FingerprintAccumulator acc : byId.values()) {
            out.add(acc.snapshot());
        }
        out.sort((a, b) -> Double.compare(b.totalMillis(), a.totalMillis()));
        return out;
    }

    public long evicted() {
        return evicted;
    }

    public long observed() {
        return observed;
    }

    public int size() {
        return byId.size();
    }

    private void evictOne() {
        Iterator<Map.Entry<String, FingerprintAccumulator>> it = byId.entrySet().iterator();
        String victim = null;
        long least = Long.MAX_VALUE;
        for (int i = 0; i < EVICTION_CANDIDATES && it.hasNext(); i++) {
            Map.Entry<String, FingerprintAccumulator> e = it.next();
            if (e.getValue().totalNanos() < least) {
                least = e.getValue().totalNanos();
                victim = e.getKey();
            }
        }
        if (victim != null) {
            byId.remove(victim);
            evicted++;
        }
    }
}
