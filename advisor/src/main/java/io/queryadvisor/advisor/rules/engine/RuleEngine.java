package io.queryadvisor.advisor.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;

/**
 * Runs the enabled rules, on the advisor's consumer thread only: events go to every rule through
 * one {@link ChainListener}, and {@link #recommend} is called there too, when the advisor
 * publishes its findings. Nothing here is locked, and no other thread ever comes here: readers
 * get the published findings.
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
    public void onEvent(CaptureEvent event) {
        chain.onEvent(event);
    }

    /**
     * Every rule's findings, most severe and costly first, those about one statement tied together
     * ({@link RootCauses}: its root cause first). Consumer thread only.
     */
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> all = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                all.addAll(rules.get(i).recommend(context));
            } catch (RuntimeException | LinkageError e) {
                failed(i, e);
            }
        }
        all.sort(ORDER);
        return RootCauses.link(all);
    }

    /** What each rule left out to stay bounded, by rule id; rules with nothing to say are omitted. */
    public Map<String, Map<String, Long>> counters() {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (Rule rule : rules) {
            try {
                Map<String, Long> c = rule.counters();
                if (!c.isEmpty()) {
                    all.put(rule.id(), c);
                }
            } catch (RuntimeException e) {
                // a rule that cannot count is still a rule; its findings go on
            }
        }
        return all;
    }

    /** Exceptions the rules threw on events so far. */
    public long failures() {
        return chain.failures();
    }

    private void failed(int rule, Throwable e) {
        if (!reported[rule]) {
            reported[rule] = true;
            LOG.log(System.Logger.Level.WARNING, "Query Advisor: rule " + rules.get(rule).id()
                    + " failed; it is skipped where it fails, later failures are not logged", e);
        }
    }
}
