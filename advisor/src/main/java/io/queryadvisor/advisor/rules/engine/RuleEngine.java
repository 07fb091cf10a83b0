package io.queryadvisor.advisor.rules.engine;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * Runs the enabled rules. Every call into a rule goes through this object's monitor, so rules
 * keep plain state: events arrive on the consumer thread, requests for findings on dashboard or
 * shutdown threads. The application's threads never come here.
 *
 * <p>A rule that throws is logged once and skipped for that call; the others go on (see
 * {@link ChainListener}).
 */
public final class RuleEngine implements CaptureListener {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    /** Most severe first, then most costly, then by id so that reports are stable. */
    public static final Comparator<Recommendation> ORDER = Comparator
            .comparing(Recommendation::severity)
            .thenComparing(Comparator.comparingDouble(Recommendation::impactMillis).reversed())
            .thenComparing(Recommendation::id);

    private final List<Rule> rules;
    private final ChainListener chain;
    private final boolean[] reported;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.chain = new ChainListener(this.rules);
        this.reported = new boolean[rules.size()];
    }

    public List<Rule> rules() {
        return rules;
    }

    @Override
    public synchronized void onStatement(ObservedStatement statement) {
        chain.onStatement(statement);
    }

    @Override
    public synchronized void onConnectionReleased(ConnectionReleased released) {
        chain.onConnectionReleased(released);
    }

    @Override
    public synchronized void onRequestCompleted(RequestCompleted request) {
        chain.onRequestCompleted(request);
    }

    /** Every rule's findings on {@code workload}, most severe and costly first. */
    public synchronized List<Recommendation> recommend(WorkloadSnapshot workload) {
        RuleContext context = new RuleContext(workload);
        List<Recommendation> all = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                all.addAll(rules.get(i).recommend(context));
            } catch (RuntimeException e) {
                failed(i, e);
            }
        }
        all.sort(ORDER);
        return all;
    }

    private void failed(int rule, RuntimeException e) {
        if (!reported[rule]) {
            reported[rule] = true;
            LOG.log(System.Logger.Level.WARNING, "Query Advisor: rule " + rules.get(rule).id()
                    + " failed; it is skipped where it fails, later failures are not logged", e);
        }
    }
}
