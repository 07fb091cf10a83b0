package io.queryadvisor.advisor.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the probe did so far.
 *
 * @param submitted   requests accepted
 * @param dropped     requests refused because the queue was full (or the probe was closed)
 * @param completed   requests answered, failures included
 * @param undelivered answers the advisor's buffer had no room for
 * @param failures    answers that were failures, by {@link ProbeFailure.Kind} name
 */
public record ProbeCounters(long submitted, long dropped, long completed, long undelivered, Map<String, Long> failures) {

    public static final ProbeCounters NONE = new ProbeCounters(0, 0, 0, 0, Map.of());

    public ProbeCounters {
        failures = Map.copyOf(failures);
    }

    /** The counters by name, as a rule's {@code counters()} reports them; zeros left out. */
    public Map<String, Long> asMap() {
        Map<String, Long> out = new LinkedHashMap<>();
        put(out, "probeRequests", submitted);
        put(out, "probeRequestsDropped", dropped);
        put(out, "probeAnswersUndelivered", undelivered);
        failures.forEach((kind, n) -> put(out, "probeFailed." + kind, n));
        return out;
    }

    private static void put(Map<String, Long> out, String name, long n) {
        if (n > 0) {
            out.put(name, n);
        }
    }
}
