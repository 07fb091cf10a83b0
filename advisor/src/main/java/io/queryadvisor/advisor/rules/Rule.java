package io.queryadvisor.advisor.rules;

import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;

/**
 * One check of the backend-performance checklist. The one extension point for findings: adding a
 * rule is writing one class (in a package of its own) and registering it in the rule registry.
 *
 * <p>Everything a rule does happens on the advisor's single consumer thread: it watches the event
 * stream ({@link #onEvent}: statements, connections, transactions, requests, and a {@code Tick}
 * about once a second for whatever it judges by time), and the advisor asks it for its findings
 * ({@link #recommend}) on that same thread, then publishes them for readers. So a rule keeps plain,
 * unsynchronised state, which it must keep bounded whatever the workload; and no reader of
 * findings ever touches it.
 */
public interface Rule extends CaptureListener, ChainListener.Named {

    /** What the rule is: its id, title, checklist line, kind and help. */
    RuleDescriptor descriptor();

    /** The public id, one of those listed in the README (e.g. {@code slow-query}). */
    default String id() {
        return descriptor().id();
    }

    @Override
    default String name() {
        return "rule " + id();
    }

    /**
     * The findings so far. Called on the consumer thread; it must not change what the rule has seen
     * (judging by time belongs in {@code onEvent(Tick)}), must not parse SQL and must return quickly.
     */
    List<Recommendation> recommend(RuleContext context);

    /**
     * What the rule left out to stay bounded (fingerprints dropped, units evicted...), by name, for
     * the capture health: a finding missing for want of room must be visible.
     */
    default Map<String, Long> counters() {
        return Map.of();
    }
}
