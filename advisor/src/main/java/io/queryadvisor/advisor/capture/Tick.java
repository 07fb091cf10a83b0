package io.queryadvisor.advisor.capture;

/**
 * The advisor's clock: made on the consumer thread about once a second, so that whatever a rule
 * judges by time (a unit of work open too long, a connection held too long) is judged there, in
 * order with the other events, and never when findings are read.
 *
 * @param startNanos  {@link System#nanoTime()} now
 * @param epochMillis wall-clock time now
 */
public record Tick(long startNanos, long epochMillis) implements CaptureEvent {
}
