package io.queryadvisor.advisor.pool;

/** A distribution of durations in milliseconds: how many, in all, mean, percentiles, max. */
public record DurationSummary(long count, double totalMillis, double meanMillis, double p50Millis, double p95Millis,
                              double p99Millis, double maxMillis) {

    public static final DurationSummary EMPTY = new DurationSummary(0, 0, 0, 0, 0, 0, 0);
}
