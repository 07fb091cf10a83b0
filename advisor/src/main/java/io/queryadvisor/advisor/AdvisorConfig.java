package io.queryadvisor.advisor;

import io.queryadvisor.advisor.config.Settings;

/**
 * How much the advisor keeps. Every bound here caps memory whatever the workload.
 *
 * @param bufferCapacity         events that can wait between application threads and the advisor
 * @param maxFingerprints        distinct fingerprints with statistics; more are evicted and counted
 * @param fingerprintCacheSize   distinct SQL texts whose fingerprint is cached
 * @param maxCallSitesPerQuery   call sites kept per fingerprint; the rest are counted together
 */
public record AdvisorConfig(int bufferCapacity, int maxFingerprints, int fingerprintCacheSize, int maxCallSitesPerQuery) {

    public static AdvisorConfig defaults() {
        return from(Settings.empty());
    }

    public static AdvisorConfig from(Settings s) {
        return new AdvisorConfig(
                s.integer("capture.bufferSize", 65_536, 1_024, 16_777_216),
                s.integer("advisor.maxFingerprints", 2_000, 10, 1_000_000),
                s.integer("advisor.fingerprintCacheSize", 10_000, 10, 1_000_000),
                s.integer("advisor.maxCallSitesPerQuery", 16, 1, 1_000));
    }
}
