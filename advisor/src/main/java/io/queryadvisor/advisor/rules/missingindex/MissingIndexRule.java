package io.queryadvisor.advisor.rules.missingindex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.support.BoundedFingerprintMap;

/**
 * {@code missing-index}: queries that read a whole large table to keep a few rows, found in the
 * plan the database makes for the application's own bind values, with the index that would
 * serve them, tried first with a hypothetical index (PostgreSQL with hypopg).
 *
 * <p>Only the database probe asks the database (its own connection, read-only, with timeouts;
 * plain EXPLAIN, never ANALYZE). About once a second ({@link Tick}) the rule picks the queries
 * worth examining: SELECT, UPDATE and DELETE with a WHERE clause, run at least
 * {@code minExecutions} times or for {@code minTotalTime} in all, each at most once per
 * {@code interval}, the costliest first, a few at a time. The {@link Examiner} takes each through
 * the probe; a later examination that finds the table no longer scanned resolves the finding,
 * with the query's mean time before and after.
 *
 * <p>Settings, under {@code queryadvisor.rules.missing-index.}: {@code minExecutions} (10),
 * {@code minTotalTime} (500ms), {@code interval} (10m), {@code minTableRows} (10000: smaller
 * tables are read whole cheaply), {@code minCostReduction} (0.5: the estimated cost must drop by
 * this share with the index), {@code maxFingerprints} (1000).
 */
public final class MissingIndexRule implements Rule {

    public static final String ID = "missing-index";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Missing indexes",
            "Create efficient database indexes", RuleDescriptor.Kind.QUERY,
            "Sequential scans of large tables that filter most rows out, found with EXPLAIN on real bind"
                    + " values; suggests CREATE INDEX, verified with a hypothetical index where possible.");

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    private static final Set<StatementType> EXAMINED = Set.of(StatementType.SELECT, StatementType.UPDATE,
            StatementType.DELETE);
    /** Examinations under way at once: each is a few probe requests, and the probe's queue is shared. */
    static final int MAX_IN_FLIGHT = 4;
    /** As many data sources as the probe follows. */
    private static final int MAX_SOURCES = 32;

    private final long minExecutions;
    private final long minTotalNanos;
    private final long intervalNanos;
    private final boolean probeOn;
    private final Examiner examiner;
    private final BoundedFingerprintMap<ExaminedQuery> tracked;
    private final Map<String, Dialect> dialects = new HashMap<>();
    private boolean saidUnsupported;

    public MissingIndexRule(RuleSettings settings) {
        this.minExecutions = settings.integer("minExecutions", 10, 1, Integer.MAX_VALUE);
        this.minTotalNanos = settings.duration("minTotalTime", Duration.ofMillis(500)).toNanos();
        Duration interval = settings.duration("interval", Duration.ofMinutes(10));
        if (interval.isNegative()) {
            settings.reject(new ConfigurationException("queryadvisor.rules." + ID + ".interval: expected a duration"
                    + " such as 10m"));
            interval = Duration.ofMinutes(10);
        }
        this.intervalNanos = interval.toNanos();
        long minTableRows = settings.integer("minTableRows", 10_000, 1, Integer.MAX_VALUE);
        double minCostReduction = settings.decimal("minCostReduction", 0.5, 0.0, 0.99);
        this.probeOn = settings.probe().enabled();
        this.examiner = new Examiner(settings.probe(), minTableRows, minCostReduction);
        this.tracked = BoundedFingerprintMap.configured(ID, settings);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (!probeOn) {
            return; // without the probe there is nothing to examine with
        }
        if (event instanceof ObservedStatement o) {
            observe(o);
        } else if (event instanceof ProbeCompleted done && ID.equals(done.request().requester())) {
            ExaminedQuery query = tracked.get(done.request().key());
            if (query != null && query.examination != null) {
                examiner.answer(query, done);
            }
        } else if (event instanceof Tick tick) {
            examineDue(tick.startNanos());
        } else if (event instanceof DatabaseIdentified d) {
            identified(d);
        }
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("fingerprintsDropped", tracked.dropped(), "examinations", examiner.completed(),
                "examinationsFailed", examiner.failed(), "probeMillis", Math.round(examiner.probeMillis()));
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        return tracked.findings(context, (stats, query) -> MissingIndexFinding.of(stats, query, context));
    }

    private void observe(ObservedStatement o) {
        StatementExecuted e = o.event();
        Fingerprint fp = o.fingerprint();
        // the fingerprint's text is normalised: keywords upper case, one space between words
        if (e.failed() || e.batchSize() > 1 || !EXAMINED.contains(fp.type()) || !fp.text().contains(" WHERE ")) {
            return;
        }
        ExaminedQuery query = tracked.getOrCreate(fp.id(), ExaminedQuery::new);
        query.record(e);
        if (!query.examined && worthIt(query)) {
            // the first examination at once, not at the next tick: a short run (a test, a batch job)
            // ends with its answer in the report, since the advisor waits for the probe when idle
            examine(fp.id(), query, e.startNanos());
        }
    }

    private void identified(DatabaseIdentified d) {
        Dialect dialect = d.dialect();
        if (dialects.size() < MAX_SOURCES || dialects.containsKey(d.source())) {
            dialects.put(d.source(), dialect);
        }
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MYSQL && !saidUnsupported) {
            saidUnsupported = true;
            LOG.log(System.Logger.Level.INFO, "Query Advisor: rule " + ID + " gives no index advice for " + d.source()
                    + " (" + d.product() + "): it reads plans of PostgreSQL, MariaDB and MySQL only;"
                    + " other unsupported databases are not mentioned again");
        }
    }

    /** Starts the examinations that are due, the costliest queries first. */
    private void examineDue(long nowNanos) {
        examiner.abandonStale(nowNanos);
        List<Map.Entry<String, ExaminedQuery>> due = new ArrayList<>();
        for (Map.Entry<String, ExaminedQuery> e : tracked.copy().entrySet()) {
            ExaminedQuery q = e.getValue();
            if (q.examination == null && worthIt(q) && (!q.examined || nowNanos - q.lastExaminedNanos >= intervalNanos)) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparingLong((Map.Entry<String, ExaminedQuery> e) -> -e.getValue().totalNanos));
        for (Map.Entry<String, ExaminedQuery> e : due) {
            examine(e.getKey(), e.getValue(), nowNanos);
        }
    }

    private void examine(String fingerprintId, ExaminedQuery q, long nowNanos) {
        if (q.examination != null || examiner.inFlight() >= MAX_IN_FLIGHT || !supported(q.source)) {
            return; // a tick takes it up later
        }
        q.examined = true;
        q.lastExaminedNanos = nowNanos; // also when refused: a full queue is not asked again at once
        examiner.start(fingerprintId, q, dialects.get(q.source), nowNanos);
    }

    private boolean worthIt(ExaminedQuery q) {
        return q.count >= minExecutions || q.totalNanos >= minTotalNanos;
    }

    private boolean supported(String source) {
        Dialect d = source == null ? null : dialects.get(source);
        return d == Dialect.POSTGRESQL || d == Dialect.MYSQL;
    }
}
