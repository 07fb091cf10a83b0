package io.queryadvisor.advisor.probe;

import java.time.Duration;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

/**
 * How the database probe behaves; read once, at start, from {@code queryadvisor.probe.*} and
 * {@code queryadvisor.advisor.bindSamples.*}.
 *
 * @param enabled                whether the probe runs at all ({@code probe.enabled}); when off, no
 *                               connection is ever opened and no bind value is kept
 * @param statementTimeout       the longest a probe statement may run ({@code probe.statementTimeout})
 * @param lockTimeout            the longest a probe statement may wait for a lock the application
 *                               holds ({@code probe.lockTimeout})
 * @param queueCapacity          requests that may wait; more are dropped and counted ({@code probe.queueSize})
 * @param idleTimeout            a data source's probe connection is closed after this long unused
 *                               ({@code probe.idleTimeout}), so that it never sits idle until a server
 *                               or proxy cuts it
 * @param bindSamples            whether sampled bind values are kept for the probe ({@code advisor.bindSamples.enabled})
 * @param bindSampleFingerprints fingerprints whose bind values are kept ({@code advisor.bindSamples.maxFingerprints})
 */
public record ProbeConfig(boolean enabled, Duration statementTimeout, Duration lockTimeout, int queueCapacity,
                          Duration idleTimeout, boolean bindSamples, int bindSampleFingerprints) {

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public static ProbeConfig defaults() {
        return from(Settings.empty());
    }

    public static ProbeConfig from(Settings s) {
        boolean enabled = s.bool("probe.enabled", true);
        if (!enabled) {
            // the settings of a probe that is off are meant, not typos
            s.acceptPrefix("probe.");
            s.acceptPrefix("advisor.bindSamples.");
            return new ProbeConfig(false, Duration.ofSeconds(2), Duration.ofMillis(500), 64, Duration.ofMinutes(1),
                    false, 1_000);
        }
        // EXPLAIN plans in milliseconds; 2 s is far beyond it, and short enough that a probe stuck
        // behind a lock the application holds never holds back anything for long.
        Duration statementTimeout = timeout(s, "probe.statementTimeout", Duration.ofSeconds(2));
        Duration lockTimeout = timeout(s, "probe.lockTimeout", Duration.ofMillis(500));
        int queue = s.integer("probe.queueSize", 64, 1, 10_000);
        Duration idle = timeout(s, "probe.idleTimeout", Duration.ofMinutes(1));
        boolean samples = s.bool("advisor.bindSamples.enabled", true);
        int fingerprints = s.integer("advisor.bindSamples.maxFingerprints", 1_000, 1, 100_000);
        return new ProbeConfig(true, statementTimeout, lockTimeout, queue, idle, samples, fingerprints);
    }

    private static Duration timeout(Settings s, String key, Duration defaultValue) {
        Duration d = s.duration(key, defaultValue);
        if (d.compareTo(MIN_TIMEOUT) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
            s.reject(new ConfigurationException("queryadvisor." + key + ": expected a duration from 1ms to 10m, got "
                    + s.string(key, "") + " (from " + s.origin(key) + ")"));
            return defaultValue;
        }
        return d;
    }
}
