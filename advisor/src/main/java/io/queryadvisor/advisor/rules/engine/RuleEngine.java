package io.queryadvisor.advisor.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;

/**
 * Runs the enabled rules, on the advisor's consumer thread only: events go to every rule through
 * one {@link ChainListener}, and {@link #recommend} is called there too, when the advisor
 * publishes its findings. Nothing here is locked, and no other thread ever comes here: readers
 * get the published findings.
 *
 * <p>A rule that throws on an event is logged once and skipped for that event, and switched off
 * after repeated failures (see {@link ChainListener}): one odd event may be the cause. A rule whose
 * {@code recommend} throws is logged and switched off at once: it depends on no one event, so it
 * would fail at every publication, and it has nothing to say meanwhile. The others go on.
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

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.chain = new ChainListener(this.rules);
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
            if (chain.disabled(i)) {
                continue;
            }
            try {
                if (FaultInjection.ARMED) {
                    FaultInjection.at(FaultyStep.RECOMMEND, rules.get(i).id());
                }
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

    /** The rules switched off after failing, as {@code rule <id>}. */
    public List<String> switchedOff() {
        return chain.switchedOff();
    }

    private void failed(int rule, Throwable e) {
        chain.switchOff(rule);
        LOG.log(System.Logger.Level.WARNING, "Query Advisor: rule " + rules.get(rule).id()
                + " failed to make its findings and is switched off; the other rules go on", e);
    }
}
