package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.rules.Rule;

/**
 * A rule that keeps no state of its own: it judges only what the advisor publishes (the pools'
 * usage in {@code RuleContext.pools()}), so it ignores the event stream.
 */
public interface PublishedUsageRule extends Rule {

    @Override
    default void onEvent(CaptureEvent event) {
        // nothing of its own: it reads the usage the advisor publishes
    }
}
