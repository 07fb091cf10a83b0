package io.queryadvisor.advisor.pool;

import org.HdrHistogram.PackedHistogram;

/**
 * Durations in microseconds, 1 µs to 1 h at 2 significant digits, in a packed HDR histogram (it
 * holds only the buckets used: a few hundred bytes). Not thread-safe: consumer thread only.
 */
final class DurationHistogram {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final PackedHistogram micros = new PackedHistogram(1, MAX_MICROS, 2);
    private long totalNanos;

    void record(long nanos) {
        long n = Math.max(0, nanos);
        totalNanos += n;
        micros.recordValue(Math.min(MAX_MICROS, Math.max(1, n / 1_000)));
    }

    long count() {
        return micros.getTotalCount();
    }

    double totalMillis() {
        return totalNanos / 1e6;
    }

    /** The longest duration recorded, in milliseconds (to the histogram's precision); 0 when empty. */
    double maxMillis() {
        return count() == 0 ? 0 : micros.getMaxValue() / 1_000.0;
    }

    /** The value at {@code percentile} (0..100) in milliseconds; 0 when empty. */
    double percentileMillis(double percentile) {
        return count() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }

    void reset() {
        micros.reset();
        totalNanos = 0;
    }

    DurationSummary summary() {
        long n = count();
        if (n == 0) {
            return DurationSummary.EMPTY;
        }
        return new DurationSummary(n, round(totalMillis()), round(totalMillis() / n), round(percentileMillis(50)),
                round(percentileMillis(95)), round(percentileMillis(99)), round(maxMillis()));
    }

    static double round(double millis) {
        return Math.round(millis * 100.0) / 100.0;
    }
}
