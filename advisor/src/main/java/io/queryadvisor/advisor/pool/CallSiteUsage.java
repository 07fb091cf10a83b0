package io.queryadvisor.advisor.pool;

/**
 * The checkouts of one acquiring call site (or endpoint): how many, how long they waited and held.
 *
 * @param where the application frame ({@code Class.method(File.java:12)}) or endpoint
 */
public record CallSiteUsage(String where, long acquisitions, double acquireP95Millis, double holdP95Millis,
                            double holdMaxMillis, double holdTotalMillis, long timeouts) {
}
