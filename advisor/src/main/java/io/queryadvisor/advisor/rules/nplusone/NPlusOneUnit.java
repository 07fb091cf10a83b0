package io.queryadvisor.advisor.rules.nplusone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.support.UnitOfWork;
import io.queryadvisor.advisor.rules.support.UnitStateBudget;

/**
 * The queries of one open unit of work, grouped into {@link NPlusOneLoop}s: by fingerprint, and
 * within a fingerprint by call site.
 *
 * <p>Call sites are sampled, so most executions carry none. An execution without one continues the
 * fingerprint's current loop (loops run their iterations back to back); a loop whose executions
 * were all unsampled so far takes the first call site that shows up; a second known call site
 * starts a second loop, counted on its own (two loops of 3 are no loop of 6).
 *
 * <p>Only single SELECTs are grouped: writes in a loop are another problem (unbatched writes), and
 * a batch is one round trip already. Each loop's source is the query that started last before the
 * loop began, so a result set still open while the loop runs (captured when it closes, after the
 * loop) is recognised too.
 *
 * <p>Bounded: at most {@code maxFingerprints} fingerprints and {@value #MAX_CALL_SITES_PER_FINGERPRINT}
 * call sites per fingerprint, and each loop takes one place of a {@link UnitStateBudget} shared by
 * every open unit; executions beyond are not grouped, and counted there.
 */
final class NPlusOneUnit implements UnitOfWork {

    static final int MAX_CALL_SITES_PER_FINGERPRINT = 8;

    private final int maxFingerprints;
    private final UnitStateBudget budget;
    private final Map<String, FingerprintLoops> byFingerprint = new HashMap<>();
    private int loops;
    private Fingerprint lastQuery;
    private long lastQueryRows;
    private long lastQueryStartNanos;
    private long latestStartNanos = Long.MIN_VALUE;

    NPlusOneUnit(int maxFingerprints, UnitStateBudget budget) {
        this.maxFingerprints = maxFingerprints;
        this.budget = budget;
    }

    @Override
    public void record(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        if (fp.type() != StatementType.SELECT || e.kind() == StatementKind.BATCH || e.batchSize() > 1) {
            return;
        }
        NPlusOneLoop loop = loopFor(fp, e);
        if (loop != null) {
            loop.record(e);
        }
        if (e.startNanos() < latestStartNanos) {
            offerLateSource(fp, e);
        } else {
            lastQuery = fp;
            lastQueryRows = e.rowsRead();
            lastQueryStartNanos = e.startNanos();
            latestStartNanos = e.startNanos();
        }
    }

    /** The loops of each fingerprint. */
    List<List<NPlusOneLoop>> loopsByFingerprint() {
        return byFingerprint.values().stream().map(f -> f.loops).toList();
    }

    /** Gives this unit's places back to the budget, once it has been judged. */
    void release() {
        budget.giveBack(loops);
        loops = 0;
    }

    private NPlusOneLoop loopFor(Fingerprint fp, StatementExecuted e) {
        CallSite site = e.callSite();
        FingerprintLoops fingerprint = byFingerprint.get(fp.id());
        if (fingerprint == null) {
            if (byFingerprint.size() >= maxFingerprints) {
                budget.leftOut();
                return null;
            }
            NPlusOneLoop first = newLoop(fp, e);
            if (first != null) {
                byFingerprint.put(fp.id(), new FingerprintLoops(first));
            }
            return first;
        }
        NPlusOneLoop current = fingerprint.current;
        if (site == null || site.equals(current.callSite())) {
            return current;
        }
        if (current.callSite() == null) {
            // Only a fingerprint's first loop can lack a call site: it takes the first one sampled.
            current.calledFrom(site);
            return current;
        }
        for (NPlusOneLoop known : fingerprint.loops) {
            if (site.equals(known.callSite())) {
                fingerprint.current = known;
                return known;
            }
        }
        if (fingerprint.loops.size() >= MAX_CALL_SITES_PER_FINGERPRINT) {
            budget.leftOut();
            return null;
        }
        NPlusOneLoop another = newLoop(fp, e);
        if (another != null) {
            fingerprint.loops.add(another);
            fingerprint.current = another;
        }
        return another;
    }

    /** A new loop, its source the query that ran last; {@code null} when the budget is spent. */
    private NPlusOneLoop newLoop(Fingerprint fp, StatementExecuted e) {
        if (!budget.take()) {
            return null;
        }
        loops++;
        NPlusOneLoop loop = new NPlusOneLoop(fp, e.callSite(), e.startNanos());
        if (lastQuery != null && !lastQuery.id().equals(fp.id())) {
            loop.offerSource(lastQuery, lastQueryRows, lastQueryStartNanos);
        }
        return loop;
    }

    /** A query captured after statements that started later: it may be the source of loops already seen. */
    private void offerLateSource(Fingerprint query, StatementExecuted e) {
        for (FingerprintLoops fingerprint : byFingerprint.values()) {
            for (NPlusOneLoop loop : fingerprint.loops) {
                if (!loop.fingerprint().id().equals(query.id())) {
                    loop.offerSource(query, e.rowsRead(), e.startNanos());
                }
            }
        }
    }

    /** One fingerprint's loops in this unit, one per call site, and the one its executions go to now. */
    private static final class FingerprintLoops {
        final List<NPlusOneLoop> loops = new ArrayList<>(1);
        NPlusOneLoop current;

        FingerprintLoops(NPlusOneLoop first) {
            loops.add(first);
            current = first;
        }
    }
}
