package io.queryadvisor.advisor.rules;

import java.util.List;

import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;

/**
 * One check of the backend-performance checklist. The one extension point for findings: adding a
 * rule is writing one class and registering it in {@link RuleRegistry}.
 *
 * <p>A rule watches the workload as a {@link CaptureListener} and, when asked, turns what it saw
 * into recommendations. The {@link RuleEngine} serialises every call to a rule (events on the
 * consumer thread, {@link #recommend} from whoever asks), so a rule keeps plain, unsynchronised
 * state; it must keep that state bounded whatever the workload.
 */
public interface Rule extends CaptureListener, ChainListener.Named {

    /** The public id, one of those listed in the README (e.g. {@code slow-query}). */
    String id();

    @Override
    default String name() {
        return "rule " + id();
    }

    /** The findings so far; {@code context} carries the per-fingerprint statistics. */
    List<Recommendation> recommend(RuleContext context);
}
