package io.queryadvisor.advisor.stats;

/** How many executions of a fingerprint a call site issued (among those whose call site was sampled). */
public record CallSiteCount(String callSite, long count) {

    /** Stands for the call sites beyond those a bounded list keeps, counted together. */
    public static final String OTHERS = "(other call sites)";
}
