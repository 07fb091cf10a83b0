package io.queryadvisor.advisor.capture;

/**
 * An incoming request (servlet call) that ran statements has finished: the end of its unit of work.
 *
 * @param request       the request statements carried
 * @param startNanos    when it started
 * @param durationNanos how long it took
 */
public record RequestCompleted(RequestInfo request, long startNanos, long durationNanos) implements CaptureEvent {
}
