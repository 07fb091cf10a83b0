package io.queryadvisor.capture;

import java.time.Duration;
import java.util.List;

import io.queryadvisor.advisor.config.Settings;

/**
 * How the capture layer behaves on the application's threads.
 *
 * @param enabled                  capture at all ({@code capture.enabled})
 * @param callSiteFirstN           executions of each SQL text that always get a call site
 * @param callSiteEvery            after those, one execution in this many gets one
 * @param callSiteSlowerThan       executions at least this slow always get one
 * @param callSiteMaxTexts         SQL texts the sampler counts individually
 * @param callSiteInclude          package prefixes that are application code, whatever else says otherwise
 * @param callSiteExclude          extra package prefixes that are not application code
 * @param bindSamples              copy the bind values of a few executions of each SQL text
 *                                 ({@code capture.bindSamples}), so that a plan can be explained with
 *                                 real values: kept in memory only, never logged or written out
 */
public record CaptureConfig(boolean enabled, int callSiteFirstN, int callSiteEvery, Duration callSiteSlowerThan,
                            int callSiteMaxTexts, List<String> callSiteInclude, List<String> callSiteExclude,
                            boolean bindSamples) {

    public static CaptureConfig from(Settings s) {
        return new CaptureConfig(
                s.bool("capture.enabled", true),
                s.integer("callSite.firstN", 32, 0, 1_000_000),
                s.integer("callSite.every", 256, 1, 1_000_000),
                s.duration("callSite.slowerThan", Duration.ofMillis(50)),
                s.integer("callSite.maxTexts", 10_000, 0, 1_000_000),
                s.list("callSite.include", List.of()),
                s.list("callSite.exclude", List.of()),
                s.bool("capture.bindSamples", true));
    }

    public static CaptureConfig defaults() {
        return from(Settings.empty());
    }

    /**
     * Checkouts walk for their call site on the capture's first {@code callSiteFirstN}, then on one
     * in this many times {@code callSiteEvery}: a walk costs microseconds, and a checkout is the
     * unit of several statements, each sampled for its own call site already. At one in 4096 the
     * walks cost a checkout about 2 ns; at one in 256 they cost it more than all the rest of
     * {@code ConnectionAcquired} together.
     */
    static final int CHECKOUT_EVERY_FACTOR = 16;

    CallSiteSampler newCheckoutSampler(CallSiteFilter filter) {
        // Checkouts are counted by thread (CaptureContext), not by text: no text is counted here.
        return new CallSiteSampler(filter, callSiteFirstN,
                callSiteEvery * CHECKOUT_EVERY_FACTOR, callSiteSlowerThan.toNanos(), 0);
    }

    /** One filter for all of a capture's samplers: it remembers its decision on each class. */
    CallSiteFilter newFilter() {
        return new CallSiteFilter(callSiteInclude, callSiteExclude);
    }

    CallSiteSampler newSampler(CallSiteFilter filter) {
        return new CallSiteSampler(filter, callSiteFirstN, callSiteEvery,
                callSiteSlowerThan.toNanos(), callSiteMaxTexts);
    }
}
