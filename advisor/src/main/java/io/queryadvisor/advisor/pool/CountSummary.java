package io.queryadvisor.advisor.pool;

/** A distribution of counts (connections out at once, transactions per request). */
public record CountSummary(long samples, double mean, long p50, long p95, long max) {

    public static final CountSummary EMPTY = new CountSummary(0, 0, 0, 0, 0);
}
