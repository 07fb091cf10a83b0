package io.queryadvisor.advisor.stats;

/** How many executions of a fingerprint a call site issued (among those whose call site was sampled). */
public record CallSiteCount(String callSite, long count) {
}
