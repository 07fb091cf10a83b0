package io.queryadvisor.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.report.ApplicationInfo;
import io.queryadvisor.advisor.report.DatabaseRecorder;
import io.queryadvisor.advisor.report.Report;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.engine.RuleEngine;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStatistics;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * The analysis core's public face: give it events through {@link #buffer()}, read what it found
 * through {@link #snapshot()}.
 *
 * <p>It owns one daemon thread, which does all parsing and aggregation. It knows nothing of
 * agents, bytecode or HTTP, so it can be fed by the agent, a test or a JUnit extension alike.
 */
public final class Advisor implements AutoCloseable {

    private final CaptureBuffer buffer;
    private final FingerprintCache fingerprints;
    private final QueryStatistics statistics;
    private final RuleEngine rules;
    private final DatabaseRecorder databases = new DatabaseRecorder();
    private final String applicationName;
    private final EventConsumer consumer;
    private final Thread thread;

    private Advisor(AdvisorConfig config, List<CaptureListener> extraListeners) {
        this.buffer = new CaptureBuffer(config.bufferCapacity());
        this.fingerprints = new FingerprintCache(new Fingerprinter(), config.fingerprintCacheSize());
        this.statistics = new QueryStatistics(config.maxFingerprints(), config.maxCallSitesPerQuery());
        this.rules = new RuleEngine(RuleRegistry.enabledRules(config.settings()));
        this.applicationName = config.applicationName();
        List<CaptureListener> listeners = new ArrayList<>();
        listeners.add(statistics);
        listeners.add(databases);
        listeners.add(rules);
        listeners.addAll(extraListeners);
        this.consumer = new EventConsumer(buffer, fingerprints, listeners);
        this.thread = new Thread(consumer, "query-advisor-consumer");
        this.thread.setDaemon(true);
    }

    /** Starts an advisor with its consumer thread. */
    public static Advisor start(AdvisorConfig config) {
        return start(config, List.of());
    }

    /** Starts an advisor whose consumer also feeds {@code listeners} (after its own statistics). */
    public static Advisor start(AdvisorConfig config, List<CaptureListener> listeners) {
        Advisor advisor = new Advisor(config, listeners);
        advisor.thread.start();
        return advisor;
    }

    /** Where the capture layer puts its events. */
    public CaptureBuffer buffer() {
        return buffer;
    }

    /** The statistics of every fingerprint so far, most total time first. */
    public WorkloadSnapshot snapshot() {
        return new WorkloadSnapshot(System.currentTimeMillis(), statistics.snapshot(), health());
    }

    /** Every enabled rule's findings on the workload so far, most severe and costly first. */
    public List<Recommendation> recommendations() {
        return rules.recommend(snapshot());
    }

    /** Statistics and findings together, as every report format renders them. */
    public Report report() {
        WorkloadSnapshot workload = snapshot();
        ApplicationInfo application = new ApplicationInfo(applicationName,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                databases.databases());
        return new Report(Instant.ofEpochMilli(workload.takenAtEpochMillis()).toString(), application,
                workload.queries(), rules.recommend(workload), workload.health());
    }

    public CaptureHealth health() {
        // The cache counters are written by the consumer thread; a slightly stale read is fine here.
        return new CaptureHealth(statistics.observed(), buffer.dropped(), statistics.size(), statistics.evicted(),
                fingerprints.hits(), fingerprints.misses(), consumer.listenerFailures());
    }

    /**
     * Waits until every event handed over so far has been processed, or the timeout passes.
     * For tests and for the report written at exit; never called on an application thread.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (buffer.size() == 0) {
                long seen = consumer.idleRounds();
                // An idle round that began after the buffer was seen empty proves the last event is processed.
                while (consumer.idleRounds() < seen + 2 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000);
                }
                if (buffer.size() == 0 && consumer.idleRounds() >= seen + 2) {
                    return true;
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        return false;
    }

    @Override
    public void close() {
        consumer.stop();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
