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
        Tally t = tally(key);
        t.acquire.record(waitNanos);
        t.view = null;
    }

    void released(String key, long heldNanos) {
        Tally t = tally(key);
        t.hold.record(heldNanos);
        t.view = null;
    }

    void failed(String key) {
        Tally t = tally(key);
        t.timeouts++;
        t.view = null;
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
        byKey.forEach((key, t) -> views.add(t.view(key)));
        views.sort(Comparator.comparingDouble(CallSiteUsage::holdTotalMillis).reversed()
                .thenComparing(CallSiteUsage::where));
        return views;
    }

    private static final class Tally {
        final DurationHistogram acquire = new DurationHistogram();
        final DurationHistogram hold = new DurationHistogram();
        long timeouts;
        // The last view, until the next change: most keys are unchanged between two publications,
        // and a percentile walks the histogram.
        CallSiteUsage view;

        CallSiteUsage view(String key) {
            if (view == null) {
                view = new CallSiteUsage(key, acquire.count(), DurationHistogram.round(acquire.percentileMillis(95)),
                        DurationHistogram.round(hold.percentileMillis(95)), DurationHistogram.round(hold.maxMillis()),
                        DurationHistogram.round(hold.totalMillis()), timeouts);
            }
            return view;
        }
    }
}
