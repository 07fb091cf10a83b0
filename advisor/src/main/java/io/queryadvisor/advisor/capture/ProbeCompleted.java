package io.queryadvisor.advisor.capture;

import io.queryadvisor.advisor.probe.ProbeRequest;
import io.queryadvisor.advisor.probe.ProbeResult;

/**
 * The database probe answered a request: made on the probe's thread, received by rules on the
 * consumer thread like any other event. (It lives here, beside the other events, because a sealed
 * hierarchy outside a named module must keep its members in one package.)
 *
 * @param request       the request, as it was submitted
 * @param result        what the probe found, or a {@code ProbeFailure}
 * @param startNanos    {@link System#nanoTime()} when the probe started on it
 * @param durationNanos how long it took, connecting included
 */
public record ProbeCompleted(ProbeRequest request, ProbeResult result, long startNanos, long durationNanos)
        implements CaptureEvent {
}
