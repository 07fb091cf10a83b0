package io.queryadvisor.advisor.rules.missingindex;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.probe.BindSample;
import io.queryadvisor.advisor.probe.ExplainRequest;
import io.queryadvisor.advisor.probe.ExplainResult;
import io.queryadvisor.advisor.probe.HypotheticalIndexRequest;
import io.queryadvisor.advisor.probe.HypotheticalIndexResult;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.probe.ProbeFailure;
import io.queryadvisor.advisor.probe.ProbeRequest;
import io.queryadvisor.advisor.probe.ProbeResult;
import io.queryadvisor.advisor.probe.TableFactsRequest;
import io.queryadvisor.advisor.probe.TableFactsResult;

/**
 * Runs one query's examination through the probe, a step per answer: EXPLAIN with the latest
 * sampled values (or the generic plan); on PostgreSQL the table's facts, then the index tried
 * with hypopg; then the verdict: advice, resolution, or nothing. Consumer thread only; every
 * request goes to the probe's own thread and connection.
 */
final class Examiner {

    /** A filter that keeps more than this share of a table's rows is no case for an index. */
    static final double MAX_RETURNED_SHARE = 0.1;

    private final Probe probe;
    private final long minTableRows;
    private final double minCostReduction;
    /** An examination whose answer never came (the advisor's buffer was full) is given up after this. */
    private static final long STALE_NANOS = Duration.ofMinutes(2).toNanos();

    /** The queries under way, also those whose fingerprint was dropped meanwhile: given up when stale. */
    private final Set<ExaminedQuery> underway = Collections.newSetFromMap(new IdentityHashMap<>());
    private long completed;
    private long failed;
    private long probeNanos;

    Examiner(Probe probe, long minTableRows, double minCostReduction) {
        this.probe = probe;
        this.minTableRows = minTableRows;
        this.minCostReduction = minCostReduction;
    }

    /** Asks for the query's plan; false when the probe refused the request (off, or its queue full). */
    boolean start(String fingerprintId, ExaminedQuery query, Dialect dialect, long nowNanos) {
        List<BindSample> samples = probe.bindSamples(fingerprintId);
        if (samples.isEmpty() && query.sql == null) {
            return false; // a text too long to keep, and no sample of it
        }
        ExplainRequest request = samples.isEmpty()
                ? ExplainRequest.withoutValues(MissingIndexRule.ID, fingerprintId, query.source, query.sql)
                : ExplainRequest.of(MissingIndexRule.ID, fingerprintId, samples.get(samples.size() - 1));
        if (!probe.submit(request)) {
            return false;
        }
        query.examination = new Examination(request, dialect, nowNanos);
        underway.add(query);
        return true;
    }

    /** Examinations under way. */
    int inFlight() {
        return underway.size();
    }

    /** Gives up the examinations whose answer never came; their queries are tried again after the interval. */
    void abandonStale(long nowNanos) {
        for (ExaminedQuery query : List.copyOf(underway)) {
            if (query.examination == null || nowNanos - query.examination.startedNanos > STALE_NANOS) {
                abandon(query);
            }
        }
    }

    private void abandon(ExaminedQuery query) {
        query.examination = null;
        underway.remove(query);
        failed++;
    }

    /** Moves the query's examination on with the probe's answer. */
    void answer(ExaminedQuery query, ProbeCompleted done) {
        Examination exam = query.examination;
        exam.probeWorked(done.durationNanos());
        probeNanos += done.durationNanos();
        ProbeResult result = done.result();
        if (result instanceof ProbeFailure) {
            abandon(query); // the probe logged it, once per kind; the query is tried again after the interval
        } else if (result instanceof ExplainResult r) {
            explained(query, exam, r);
        } else if (result instanceof TableFactsResult t) {
            facts(query, exam, t);
        } else if (result instanceof HypotheticalIndexResult h) {
            verified(query, exam, h);
        }
    }

    private void explained(ExaminedQuery query, Examination exam, ExplainResult r) {
        exam.explained = r;
        List<ScanCandidate> scans = ScanCandidate.in(r.plan());
        if (query.advice != null && scans.stream().noneMatch(s -> s.table().equals(query.advice.index().table()))) {
            query.resolve(); // the table the advice was about is no longer read whole
        }
        if (scans.isEmpty()) {
            end(query, null);
        } else if (exam.dialect == Dialect.MYSQL) {
            mySqlVerdict(query, exam, scans);
        } else {
            exam.scan = scans.get(0);
            submitOrEnd(query, new TableFactsRequest(MissingIndexRule.ID, key(exam), source(exam),
                    exam.scan.table(), exam.scan.columns()));
        }
    }

    /** MariaDB and MySQL: the plan gives the rows examined; nothing hypothetical there, so unverified. */
    private void mySqlVerdict(ExaminedQuery query, Examination exam, List<ScanCandidate> scans) {
        for (ScanCandidate scan : scans) {
            IndexCandidate index = scan.node().rows() >= minTableRows
                    ? IndexDesign.design(scan, List.of(), List.of()) : null;
            if (index != null) {
                end(query, new IndexAdvice(index, index.suggestedSql(exam.dialect), scan.describe(),
                        PlanText.render(exam.explained.plan()), scan.node().rows(), -1,
                        exam.explained.plan().totalCost(), -1,
                        "MariaDB and MySQL have no hypothetical indexes to try it with", basis(exam),
                        exam.probeMillis()));
                return;
            }
        }
        end(query, null);
    }

    private void facts(ExaminedQuery query, Examination exam, TableFactsResult t) {
        exam.facts = t;
        double rows = t.rowEstimate();
        double returned = exam.scan.keptRows();
        // a sort for a LIMIT is served by an index however many rows the filter keeps: it reads the first few
        boolean filtersMostOut = returned <= rows * MAX_RETURNED_SHARE || !exam.scan.sortColumns().isEmpty();
        if (rows < minTableRows || !filtersMostOut) {
            end(query, null);
            return;
        }
        exam.candidate = IndexDesign.design(exam.scan, t.columns(), t.indexes());
        if (exam.candidate == null) {
            query.resolve(); // an index already leads with these columns
            end(query, null);
            return;
        }
        submitOrEnd(query, new HypotheticalIndexRequest(MissingIndexRule.ID, key(exam), source(exam),
                exam.explain.sql(), exam.explain.binds(), exam.candidate.hypotheticalSql()));
    }

    private void verified(ExaminedQuery query, Examination exam, HypotheticalIndexResult h) {
        IndexCandidate index = exam.candidate;
        String unverified = null;
        if (!h.hypopgInstalled()) {
            unverified = "the hypopg extension is not installed in this database, so the index was not tried";
        } else if (!h.indexUsed() || h.costAfter() > h.costBefore() * (1 - minCostReduction)) {
            end(query, null); // tried, and not worth it
            return;
        }
        end(query, new IndexAdvice(index, index.suggestedSql(exam.dialect), exam.scan.describe(),
                PlanText.render(h.before()), exam.facts.rowEstimate(), exam.scan.keptRows(), h.costBefore(),
                h.costAfter(), unverified, basis(exam), exam.probeMillis()));
    }

    private void submitOrEnd(ExaminedQuery query, ProbeRequest next) {
        if (!probe.submit(next)) {
            abandon(query); // tried again after the interval
        }
    }

    /** The examination is over: its advice replaces the last (none clears it). */
    private void end(ExaminedQuery query, IndexAdvice advice) {
        query.advice = advice;
        if (advice != null) {
            query.resolution = null;
        }
        query.examination = null;
        underway.remove(query);
        completed++;
    }

    private static String basis(Examination exam) {
        return switch (exam.explained.basis()) {
            case SAMPLED_VALUES -> "the application's own bind values (sampled)";
            case GENERIC -> "the generic plan (no bind values sampled)";
            case NO_PARAMETERS -> "the statement as written (no placeholders)";
        };
    }

    private static String key(Examination exam) {
        return exam.explain.key();
    }

    private static String source(Examination exam) {
        return exam.explain.source();
    }

    long completed() {
        return completed;
    }

    long failed() {
        return failed;
    }

    double probeMillis() {
        return probeNanos / 1_000_000.0;
    }
}
