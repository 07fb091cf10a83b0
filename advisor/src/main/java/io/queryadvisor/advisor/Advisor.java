package io.queryadvisor.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.endpoints.EndpointCatalog;
import io.queryadvisor.advisor.endpoints.EndpointStatistics;
import io.queryadvisor.advisor.fingerprint.FingerprintCache;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.fingerprint.ParseBudget;
import io.queryadvisor.advisor.pool.PoolSummary;
import io.queryadvisor.advisor.pool.PoolUsage;
import io.queryadvisor.advisor.pool.PoolsSnapshot;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.probe.ProbeCounters;
import io.queryadvisor.advisor.probe.ProbeRuntime;
import io.queryadvisor.advisor.report.ApplicationInfo;
import io.queryadvisor.advisor.report.DatabaseRecorder;
import io.queryadvisor.advisor.report.Report;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleEngine;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStatistics;
import io.queryadvisor.advisor.stats.StatementTally;
import io.queryadvisor.advisor.stats.StatementTotals;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * The analysis core's public face: give it events through {@link #buffer()}, read what it found
 * through {@link #snapshot()}, {@link #recommendations()} and {@link #report()}.
 *
 * <p>It owns one daemon thread, which does all parsing, aggregation and judging, and publishes the
 * result (statistics, findings, databases, health) as one immutable {@link Published} state: at
 * least once a second while events flow, and as soon as it goes idle. Readers (the dashboard, the
 * report at exit) only ever read the last publication: they never wait for the consumer, and the
 * consumer never waits for them, whatever a rule is doing. It knows nothing of agents, bytecode or
 * HTTP, so it can be fed by the agent, a test or a JUnit extension alike.
 */
public final class Advisor implements AutoCloseable {

    /** What the advisor knew at one moment; what every reader gets. */
    record Published(WorkloadSnapshot workload, List<Recommendation> recommendations,
                     List<ApplicationInfo.DatabaseInfo> databases, StatementTotals statements, ProbeCounters probe,
                     PoolsSnapshot pools) {
    }

    /** Requests whose statements are added up at once (see {@link EndpointStatistics}); ~100 bytes each. */
    private static final int MAX_OPEN_REQUESTS = 10_000;

    private final CaptureBuffer buffer;
    private final FingerprintCache fingerprints;
    private final QueryStatistics statistics;
    private final StatementTally statementTally;
    private final EndpointStatistics endpoints;
    private final RuleEngine rules;
    private final DatabaseRecorder databases = new DatabaseRecorder();
    private final PoolUsage pools;
    private final ProbeRuntime probe;
    private final String applicationName;
    private final EventConsumer consumer;
    private final Thread thread;
    private volatile Published published;

    private Advisor(AdvisorConfig config, List<CaptureListener> extraListeners, List<Rule> extraRules) {
        this.buffer = new CaptureBuffer(config.bufferCapacity());
        this.fingerprints = new FingerprintCache(new Fingerprinter(), config.fingerprintCacheSize(),
                config.fingerprintCacheBytes(), new ParseBudget(config.parseMillisPerSecond(), System::nanoTime));
        this.statistics = new QueryStatistics(config.maxFingerprints(), config.maxCallSitesPerQuery());
        this.statementTally = new StatementTally(slowThreshold(config).toNanos());
        EndpointCatalog endpointNames = new EndpointCatalog(config.maxEndpoints());
        this.endpoints = new EndpointStatistics(endpointNames, MAX_OPEN_REQUESTS);
        this.probe = ProbeRuntime.from(config.settings(), buffer::offer);
        this.pools = new PoolUsage(RuleRegistry.poolThresholds(config.settings()));
        List<Rule> enabled = new ArrayList<>(RuleRegistry.enabledRules(config.settings(), probe));
        enabled.addAll(extraRules);
        this.rules = new RuleEngine(enabled);
        this.applicationName = config.applicationName();
        List<CaptureListener> listeners = new ArrayList<>();
        listeners.add(statistics);
        listeners.add(statementTally);
        listeners.add(endpoints);
        listeners.add(databases);
        listeners.addAll(probe.listeners());
        listeners.add(pools); // before the rules: they read its snapshot
        listeners.add(rules);
        listeners.addAll(extraListeners);
        this.consumer = new EventConsumer(buffer, fingerprints, endpointNames, listeners, this::publish);
        this.published = new Published(new WorkloadSnapshot(System.currentTimeMillis(), List.of(),
                CaptureHealth.NONE), List.of(), List.of(),
                StatementTotals.NONE, ProbeCounters.NONE, PoolsSnapshot.EMPTY);
        this.thread = new Thread(consumer, "query-advisor-consumer");
        this.thread.setDaemon(true);
    }

    /** Starts an advisor with its consumer thread. */
    public static Advisor start(AdvisorConfig config) {
        return start(config, List.of());
    }

    /** Starts an advisor whose consumer also feeds {@code listeners} (after its own statistics). */
    public static Advisor start(AdvisorConfig config, List<CaptureListener> listeners) {
        return start(config, listeners, List.of());
    }

    /**
     * Starts an advisor that runs {@code extraRules} beside the registered ones it has enabled: rules
     * of an application's own, or of a test.
     */
    public static Advisor start(AdvisorConfig config, List<CaptureListener> listeners, List<Rule> extraRules) {
        Advisor advisor = new Advisor(config, listeners, extraRules);
        advisor.thread.start();
        return advisor;
    }

    /** Where the capture layer puts its events. */
    public CaptureBuffer buffer() {
        return buffer;
    }

    /** The database probe, as rules get it (off when {@code probe.enabled=false}). */
    public Probe probe() {
        return probe;
    }

    /** The statistics of every fingerprint at the last publication, most total time first. */
    public WorkloadSnapshot snapshot() {
        return published.workload();
    }

    /** Every enabled rule's findings at the last publication, most severe and costly first. */
    public List<Recommendation> recommendations() {
        return published.recommendations();
    }

    /**
     * Every pool and data source the application got connections from, at the last publication:
     * gauges over time, acquire and hold times, by call site and endpoint. The read API for the
     * dashboard and metrics exporters.
     */
    public PoolsSnapshot pools() {
        return published.pools();
    }

    /** Statistics and findings together, as every report format renders them. */
    public Report report() {
        Published p = published;
        WorkloadSnapshot workload = p.workload();
        ApplicationInfo application = new ApplicationInfo(applicationName,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                p.databases());
        return new Report(Instant.ofEpochMilli(workload.takenAtEpochMillis()).toString(), application,
                workload.queries(), workload.endpoints(), p.pools().pools().stream().map(PoolSummary::of).toList(),
                p.recommendations(), workload.health());
    }

    /** How complete the picture is, as last published. */
    public CaptureHealth health() {
        return published.workload().health();
    }

    /** Every statement processed since start, by type, as last published: counters that never go down. */
    public StatementTotals statementTotals() {
        return published.statements();
    }

    /** What the database probe did so far, as last published. */
    public ProbeCounters probeCounters() {
        return published.probe();
    }

    /** Every rule there is, built or planned, with whether it runs here; for help texts and report metadata. */
    public List<RuleRegistry.RuleStatus> rules() {
        return RuleRegistry.statuses(rules.rules().stream().map(Rule::id).toList());
    }

    /** Takes the state that readers get. Consumer thread only (statistics and rules are confined to it). */
    private void publish() {
        List<String> off = switchedOff();
        WorkloadSnapshot workload = new WorkloadSnapshot(System.currentTimeMillis(), statistics.snapshot(),
                endpoints.snapshot(), health(off));
        PoolsSnapshot poolsNow = pools.snapshot();
        List<Recommendation> found = rules.recommend(new RuleContext(workload, databases.dialects(), poolsNow));
        List<String> offNow = switchedOff();
        if (!offNow.equals(off)) { // a rule failed to make its findings just now: readers see it switched off now
            workload = new WorkloadSnapshot(workload.takenAtEpochMillis(), workload.queries(), workload.endpoints(),
                    health(offNow));
        }
        published = new Published(workload, List.copyOf(found), databases.databases(), statementTally.totals(),
                probe.counters(), poolsNow);
    }

    private CaptureHealth health(List<String> switchedOff) {
        return new CaptureHealth(statistics.observed(), buffer.dropped(), statistics.size(), statistics.evicted(),
                // a text whose shape was parsed before came from the cache too: only parses are misses
                fingerprints.hits() + fingerprints.misses() - fingerprints.parses(), fingerprints.parses(),
                fingerprints.parsesDeferred(), consumer.listenerFailures(), switchedOff, rules.counters());
    }

    /** The parts that failed and switched themselves off: listeners, rules, the probe. */
    private List<String> switchedOff() {
        List<String> off = new ArrayList<>(consumer.switchedOff());
        off.addAll(rules.switchedOff());
        if (probe.switchedOff()) {
            off.add("database probe");
        }
        return off;
    }

    /** The slow-query rule's threshold, which the statement totals count slow statements by. */
    private static Duration slowThreshold(AdvisorConfig config) {
        try {
            return SlowQueryRule.threshold(new RuleSettings(config.settings(), SlowQueryRule.ID));
        } catch (ConfigurationException wrong) {
            // the rule registry reports the wrong value, once; the totals count by the default meanwhile
            return SlowQueryRule.threshold(RuleSettings.defaults(SlowQueryRule.ID));
        }
    }

    /**
     * Waits until every event handed over so far has been processed and published, and every
     * question the rules asked the database probe is answered and processed too (an answer may
     * lead a rule to ask the next one), or the timeout passes. For tests and for the report
     * written at exit; never called on an application thread.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (quiet()) {
                consumer.publicationWanted();
                long seen = consumer.idleRounds();
                // An idle round that began after the buffer was seen empty proves the last event is processed.
                while (consumer.idleRounds() < seen + 2 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000);
                }
                if (quiet() && consumer.idleRounds() >= seen + 2) {
                    return true;
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        return false;
    }

    /** No event waiting, and no probe answer on its way (a rule submits on the consumer thread, before its round ends). */
    private boolean quiet() {
        return buffer.size() == 0 && probe.pending() == 0;
    }

    @Override
    public void close() {
        consumer.stop();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probe.close();
    }
}
