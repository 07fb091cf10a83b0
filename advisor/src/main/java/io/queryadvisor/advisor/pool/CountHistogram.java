package io.queryadvisor.advisor.pool;

import org.HdrHistogram.PackedHistogram;

/** Small counts, 0 to 1,000,000, exact up to 100. Consumer thread only. */
final class CountHistogram {

    private static final long MAX = 1_000_000;

    private final PackedHistogram values = new PackedHistogram(1, MAX, 2);

    void record(long value) {
        values.recordValue(Math.min(MAX, Math.max(0, value)));
    }

    CountSummary summary() {
        if (values.getTotalCount() == 0) {
            return CountSummary.EMPTY;
        }
        return new CountSummary(values.getTotalCount(), DurationHistogram.round(values.getMean()),
                values.getValueAtPercentile(50), values.getValueAtPercentile(95), values.getMaxValue());
    }
}
