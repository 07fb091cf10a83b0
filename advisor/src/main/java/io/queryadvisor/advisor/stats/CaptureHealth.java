package io.queryadvisor.advisor.stats;

/**
 * How complete the picture is: what was captured, and what was lost on the way and why.
 *
 * @param statementsObserved     executions the advisor processed
 * @param eventsDropped          events the application threads dropped because the buffer was full
 * @param fingerprintsTracked    distinct fingerprints held now
 * @param fingerprintsEvicted    fingerprints evicted to stay within {@code maxFingerprints}
 * @param fingerprintCacheHits   SQL texts whose fingerprint came from the cache
 * @param fingerprintCacheMisses SQL texts that had to be parsed
 * @param listenerFailures       exceptions thrown (and survived) inside the advisor's listeners
 */
public record CaptureHealth(long statementsObserved, long eventsDropped, int fingerprintsTracked,
                            long fingerprintsEvicted, long fingerprintCacheHits, long fingerprintCacheMisses,
                            long listenerFailures) {
}
