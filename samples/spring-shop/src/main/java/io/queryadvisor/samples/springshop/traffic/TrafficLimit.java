package io.queryadvisor.samples.springshop.traffic;

import java.time.Duration;

/**
 * When a traffic run ends by itself: after a number of iterations, after a duration, or never
 * (then only a {@link StopSignal} ends it).
 *
 * @param iterations how many iterations to run, 0 for no such limit
 * @param duration   how long to run, null for no such limit
 */
public record TrafficLimit(long iterations, Duration duration) {

    public TrafficLimit {
        if (iterations < 0 || (duration != null && (duration.isZero() || duration.isNegative()))) {
            throw new IllegalArgumentException("limits must be positive: " + iterations + ", " + duration);
        }
        if (iterations > 0 && duration != null) {
            throw new IllegalArgumentException("a run is limited by iterations or by duration, not both");
        }
    }

    public static TrafficLimit untilStopped() {
        return new TrafficLimit(0, null);
    }

    public static TrafficLimit ofIterations(long iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        return new TrafficLimit(iterations, null);
    }

    public static TrafficLimit ofDuration(Duration duration) {
        return new TrafficLimit(0, duration);
    }

    /** Whether iteration number {@code index} (counted from 0) may still start. */
    public boolean allowsIteration(long index) {
        return iterations == 0 || index < iterations;
    }

    /** Whether a run that has lasted {@code elapsedNanos} is over. */
    public boolean isOver(long elapsedNanos) {
        return duration != null && elapsedNanos >= duration.toNanos();
    }

    /** For the start-up line: "50 iterations", "for 60.0 s", "until stopped (Ctrl+C)". */
    public String describe() {
        if (iterations > 0) {
            return iterations + " iterations";
        }
        return duration != null ? "for " + duration.toMillis() / 1000.0 + " s" : "until stopped (Ctrl+C)";
    }
}
