package io.queryadvisor.advisor.capture;

import io.queryadvisor.advisor.fingerprint.Fingerprint;

/**
 * A captured execution once the advisor's thread has fingerprinted it: what every consumer of
 * statements (statistics, rules) receives.
 *
 * @param event        what the capture layer recorded
 * @param fingerprint  the statement's normalised shape
 * @param epochMillis  wall-clock time the execution started
 * @param endpoint     the endpoint it ran for ({@link EndpointName}), one shared instance per name
 */
public record ObservedStatement(StatementExecuted event, Fingerprint fingerprint, long epochMillis, String endpoint)
        implements CaptureEvent {

    /** An observed statement whose endpoint is named from the event itself (tests, tools). */
    public ObservedStatement(StatementExecuted event, Fingerprint fingerprint, long epochMillis) {
        this(event, fingerprint, epochMillis, EndpointName.of(event));
    }

    @Override
    public long startNanos() {
        return event.startNanos();
    }
}
