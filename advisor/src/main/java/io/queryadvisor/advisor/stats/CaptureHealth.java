package io.queryadvisor.advisor.stats;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How complete the picture is: what was captured, and what was lost on the way and why.
 *
 * @param statementsObserved     executions the advisor processed
 * @param eventsDropped          events the application threads dropped because the buffer was full
 * @param fingerprintsTracked    distinct fingerprints held now
 * @param fingerprintsEvicted    fingerprints evicted to stay within {@code maxFingerprints}
 * @param fingerprintCacheHits   SQL texts whose fingerprint came from the cache
 * @param fingerprintCacheMisses SQL texts that had to be parsed
 * @param parsesDeferred         new SQL shapes fingerprinted from their tokens only, because that
 *                               second's parse budget ({@code advisor.parseMillisPerSecond}) was
 *                               spent: parsed later if they come again, but rules that need a parse
 *                               tree missed them meanwhile
 * @param listenerFailures       exceptions thrown (and survived) inside the advisor's listeners
 * @param switchedOff            the parts of the advisor that failed and switched themselves off
 *                               (a rule as {@code rule <id>}, a listener, the database probe), in
 *                               the order they run; the rest goes on without them
 * @param rules                  what each rule left out to stay bounded, by rule id then counter name
 *                               (only rules with counters)
 */
public record CaptureHealth(long statementsObserved, long eventsDropped, int fingerprintsTracked,
                            long fingerprintsEvicted, long fingerprintCacheHits, long fingerprintCacheMisses,
                            long parsesDeferred, long listenerFailures, List<String> switchedOff,
                            Map<String, Map<String, Long>> rules) {

    /** Nothing captured yet. */
    public static final CaptureHealth NONE = new CaptureHealth(0, 0, 0, 0, 0, 0, 0, 0, List.of(), Map.of());

    public CaptureHealth {
        switchedOff = switchedOff == null ? List.of() : List.copyOf(switchedOff);
        // sorted, so that reports list rules and counters in a stable order
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        if (rules != null) {
            rules.forEach((rule, counters) -> sorted.put(rule, Collections.unmodifiableMap(new TreeMap<>(counters))));
        }
        rules = Collections.unmodifiableMap(sorted);
    }
}
