package io.queryadvisor.advisor.rules.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.probe.SchemaFactsRequest;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.RuleSettings;

/**
 * When a schema rule asks the probe for a database's schema facts, and which answers are its own.
 * One check per database, not per data source: sources with the same URL (three pools on one
 * database) are one database from the start, and a source whose answer names a database another
 * source already reached (the same server by another host name) is not asked again. The first
 * check comes {@code firstCheckAfter} after the database is identified, the next ones every
 * {@code checkEvery}; a failed or dropped check is tried again at the next interval (the probe
 * has logged the failure once).
 *
 * <p>Settings, under the rule's own prefix: {@code checkEvery} (default 10m) and
 * {@code firstCheckAfter} (default 30s). Consumer thread only, like the rule that owns it.
 */
public final class SchemaCheckSchedule {

    /** As many databases as the probe follows data sources. */
    static final int MAX_DATABASES = 32;
    /** A request the probe's queue had no room for is tried again this soon, not after a whole interval. */
    private static final long RETRY_DROPPED_NANOS = Duration.ofMinutes(1).toNanos();

    private final String requester;
    private final Probe probe;
    private final long firstNanos;
    private final long everyNanos;
    private final Map<String, Target> targets = new LinkedHashMap<>(); // by database key (the URL)
    private long nowNanos;

    /** One database as first identified, and when to check it next. */
    private static final class Target {
        final String key;
        String source;
        boolean connectable;
        long dueNanos;
        boolean inFlight;
        String identity;
        /** another source reaches the same database: only that one is checked */
        boolean sameAsAnother;

        Target(String key) {
            this.key = key;
        }
    }

    public SchemaCheckSchedule(String requester, RuleSettings settings) {
        this.requester = requester;
        this.probe = settings.probe();
        this.firstNanos = settings.duration("firstCheckAfter", Duration.ofSeconds(30)).toNanos();
        Duration every = settings.duration("checkEvery", Duration.ofMinutes(10));
        if (every.toSeconds() < 1) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + requester + ".checkEvery: expected a"
                    + " duration of at least 1s such as 10m, got " + every.toMillis() + "ms"));
            every = Duration.ofMinutes(10);
        }
        this.everyNanos = every.toNanos();
    }

    /**
     * Follows the databases, asks when a check is due, and returns this rule's fresh facts when
     * {@code event} is an answer to one of its checks; else {@code null}.
     */
    public SchemaFactsResult onEvent(CaptureEvent event) {
        if (event instanceof Tick tick) {
            nowNanos = tick.startNanos();
            submitDue();
        } else if (event instanceof DatabaseIdentified identified) {
            identified(identified);
        } else if (event instanceof ProbeCompleted done && done.request() instanceof SchemaFactsRequest request
                && request.requester().equals(requester)) {
            return answered(request, done);
        }
        return null;
    }

    /** How many databases are checked (data sources that reach one already checked are not counted). */
    public int databases() {
        return (int) targets.values().stream().filter(t -> !t.sameAsAnother).count();
    }

    private void identified(DatabaseIdentified d) {
        if (d.dialect() != Dialect.POSTGRESQL || !probe.enabled()) {
            return;
        }
        String key = databaseKey(d);
        Target target = targets.get(key);
        if (target == null) {
            if (targets.size() >= MAX_DATABASES) {
                return;
            }
            target = new Target(key);
            target.dueNanos = d.startNanos() + firstNanos;
            targets.put(key, target);
        }
        if (target.source == null || !target.connectable) {
            // a source the probe can connect through is worth more than one it cannot
            target.source = d.source();
            target.connectable = d.connector() != null;
        }
    }

    private void submitDue() {
        for (Target t : targets.values()) {
            if (t.inFlight || t.sameAsAnother || nowNanos - t.dueNanos < 0) {
                continue;
            }
            if (probe.submit(new SchemaFactsRequest(requester, t.key, t.source))) {
                t.inFlight = true;
            } else {
                t.dueNanos = nowNanos + Math.min(everyNanos, RETRY_DROPPED_NANOS);
            }
        }
    }

    private SchemaFactsResult answered(SchemaFactsRequest request, ProbeCompleted done) {
        Target target = targets.get(request.key());
        if (target == null) {
            return null;
        }
        target.inFlight = false;
        target.dueNanos = Math.max(nowNanos, done.startNanos()) + everyNanos;
        if (!(done.result() instanceof SchemaFactsResult facts)) {
            return null; // a failure: counted and logged once by the probe; tried again next time
        }
        String identity = facts.database().identity();
        for (Target other : targets.values()) {
            if (other != target && !other.sameAsAnother && identity.equals(other.identity)) {
                target.sameAsAnother = true;
                return null;
            }
        }
        target.identity = identity;
        return facts;
    }

    /**
     * What names one database before it is asked: the URL without its parameters (which may differ
     * from pool to pool: an application name, a timeout), else the source's name.
     */
    static String databaseKey(DatabaseIdentified d) {
        if (d.url() == null || d.url().isBlank()) {
            return "source:" + d.source();
        }
        int query = d.url().indexOf('?');
        return (query < 0 ? d.url() : d.url().substring(0, query)).toLowerCase(Locale.ROOT);
    }
}
