package io.queryadvisor.samples.springshop.traffic;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a traffic run has come.
 *
 * @param iterations iterations completed without error
 * @param errors     iterations that failed
 * @param elapsed    time since the run started
 */
public record TrafficProgress(long iterations, long errors, Duration elapsed) {

    /** The one-line summary: "1234 iterations, 0 errors in 10.0 s (123.4 iterations/s)". */
    public String summary() {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? iterations / seconds : 0;
        return String.format(Locale.ROOT, "%d iterations, %d errors in %.1f s (%.1f iterations/s)", iterations, errors, seconds, rate);
    }
}
