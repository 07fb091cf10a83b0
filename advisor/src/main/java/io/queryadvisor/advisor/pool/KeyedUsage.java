package io.queryadvisor.advisor.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkouts by a key (an acquiring call site, an endpoint), bounded: the first {@code max} keys
 * seen get their own histograms, the rest are counted together under {@value #OTHERS}.
 * Consumer thread only.
 */
final class KeyedUsage {

    static final String OTHERS = "(others)";

    private final int max;
    private final Map<String, Tally> byKey = new HashMap<>();

    KeyedUsage(int max) {
        this.max = max;
    }

    void acquired(String key, long waitNanos) {
        tally(key).acquire.record(waitNanos);
    }

    void released(String key, long heldNanos) {
        tally(key).hold.record(heldNanos);
    }

    void failed(String key) {
        tally(key).timeouts++;
    }

    private Tally tally(String key) {
        String k = key == null ? "(not sampled)" : key;
        Tally t = byKey.get(k);
        if (t != null) {
            return t;
        }
        if (byKey.size() < max) {
            t = new Tally();
            byKey.put(k, t);
            return t;
        }
        return byKey.computeIfAbsent(OTHERS, o -> new Tally());
    }

    /** Most hold time first. */
    List<CallSiteUsage> views() {
        List<CallSiteUsage> views = new ArrayList<>();
        byKey.forEach((key, t) -> views.add(new CallSiteUsage(key, t.acquire.count(),
                DurationHistogram.round(t.acquire.percentileMillis(95)), DurationHistogram.round(t.hold.percentileMillis(95)),
                DurationHistogram.round(t.hold.summary().maxMillis()), DurationHistogram.round(t.hold.totalMillis()),
                t.timeouts)));
        views.sort(Comparator.comparingDouble(CallSiteUsage::holdTotalMillis).reversed()
                .thenComparing(CallSiteUsage::where));
        return views;
    }

    private static final class Tally {
        final DurationHistogram acquire = new DurationHistogram();
        final DurationHistogram hold = new DurationHistogram();
        long timeouts;
    }
}
