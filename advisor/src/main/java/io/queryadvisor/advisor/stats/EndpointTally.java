package io.queryadvisor.advisor.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints that ran one query, with executions and time for each. Bounded: the first
 * {@value #TRACKED} endpoints are followed one by one, later ones are added up together; a snapshot
 * shows the {@value #SHOWN} most frequent and adds the rest up as {@link EndpointCount#OTHERS}.
 * Following more than are shown lets a frequent endpoint that came late still be named.
 * Not thread-safe: owned by its {@link FingerprintAccumulator}.
 */
final class EndpointTally {

    static final int TRACKED = 20;
    static final int SHOWN = 10;

    /** {count, nanos} per endpoint; the keys are the advisor's shared instances, never copies. */
    private final Map<String, long[]> byEndpoint = new HashMap<>();
    private long otherCount;
    private long otherNanos;

    void record(String endpoint, long nanos) {
        if (endpoint == null) {
            return;
        }
        long[] n = byEndpoint.get(endpoint);
        if (n == null && byEndpoint.size() < TRACKED) {
            n = new long[2];
            byEndpoint.put(endpoint, n);
        }
        if (n != null) {
            n[0]++;
            n[1] += nanos;
        } else {
            otherCount++;
            otherNanos += nanos;
        }
    }

    /** The most frequent endpoints first, then by name; the rest as one {@link EndpointCount#OTHERS}. */
    List<EndpointCount> snapshot() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(byEndpoint.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        List<EndpointCount> out = new ArrayList<>(Math.min(entries.size(), SHOWN) + 1);
        long restCount = otherCount;
        long restNanos = otherNanos;
        for (Map.Entry<String, long[]> e : entries) {
            if (out.size() < SHOWN && !e.getKey().equals(EndpointCount.OTHERS)) {
                out.add(new EndpointCount(e.getKey(), e.getValue()[0], e.getValue()[1] / 1_000_000.0));
            } else {
                restCount += e.getValue()[0];
                restNanos += e.getValue()[1];
            }
        }
        if (restCount > 0) {
            out.add(new EndpointCount(EndpointCount.OTHERS, restCount, restNanos / 1_000_000.0));
        }
        return out;
    }
}
