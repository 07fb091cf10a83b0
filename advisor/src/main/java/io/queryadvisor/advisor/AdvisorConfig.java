package io.queryadvisor.advisor;

import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.ParseBudget;

/**
 * How much the advisor keeps. Every bound here caps memory whatever the workload.
 *
 * @param bufferCapacity         events that can wait between application threads and the advisor
 * @param maxFingerprints        distinct fingerprints with statistics; more are evicted and counted
 * @param fingerprintCacheSize   distinct SQL texts whose fingerprint is cached
 * @param fingerprintCacheBytes  heap the fingerprint cache may keep, whatever the texts
 * @param parseMillisPerSecond   parse time the advisor allows itself per second, all texts together
 *                               ({@link io.queryadvisor.advisor.fingerprint.ParseBudget}); 0 never parses
 * @param maxCallSitesPerQuery   call sites kept per fingerprint; the rest are counted together
 * @param maxEndpoints           distinct endpoints named; later ones are counted together
 * @param applicationName        the name reports give the application
 * @param settings               everything configured, for the rules' own settings
 */
public record AdvisorConfig(int bufferCapacity, int maxFingerprints, int fingerprintCacheSize,
                            long fingerprintCacheBytes, int parseMillisPerSecond, int maxCallSitesPerQuery, int maxEndpoints, String applicationName,
                            Settings settings) {

    public static AdvisorConfig defaults() {
        return from(Settings.empty());
    }

    public static AdvisorConfig from(Settings s) {
        return new AdvisorConfig(
                s.integer("capture.bufferSize", 65_536, 1_024, 16_777_216),
                s.integer("advisor.maxFingerprints", 2_000, 10, 1_000_000),
                s.integer("advisor.fingerprintCacheSize", 10_000, 10, 1_000_000),
                s.integer("advisor.fingerprintCacheMegabytes", 16, 1, 4_096) * 1024L * 1024L,
                s.integer("advisor.parseMillisPerSecond", (int) ParseBudget.DEFAULT_MILLIS_PER_SECOND, 0, 1_000),
                s.integer("advisor.maxCallSitesPerQuery", 16, 1, 1_000),
                s.integer("advisor.maxEndpoints", 500, 1, 100_000),
                s.string("application.name", defaultApplicationName()),
                s);
    }

    /** The main class, as the JVM was started ({@code sun.java.command}), else "application". */
    static String defaultApplicationName() {
        String command = System.getProperty("sun.java.command", "").trim();
        if (command.isEmpty()) {
            return "application";
        }
        String main = command.split("\\s+", 2)[0];
        int slash = Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\'));
        return slash >= 0 ? main.substring(slash + 1) : main;
    }
}
