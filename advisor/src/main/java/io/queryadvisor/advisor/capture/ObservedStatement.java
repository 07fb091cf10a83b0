package io.queryadvisor.advisor.capture;

import io.queryadvisor.advisor.fingerprint.Fingerprint;

/**
 * A captured execution once the advisor's thread has fingerprinted it: what every consumer of
 * statements (statistics, rules) receives.
 *
 * @param event        what the capture layer recorded
 * @param fingerprint  the statement's normalised shape
 * @param epochMillis  wall-clock time the execution started
 */
public record ObservedStatement(StatementExecuted event, Fingerprint fingerprint, long epochMillis)
        implements CaptureEvent {

    @Override
    public long startNanos() {
        return event.startNanos();
    }
}
