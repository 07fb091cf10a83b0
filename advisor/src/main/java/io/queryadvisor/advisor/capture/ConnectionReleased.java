package io.queryadvisor.advisor.capture;

/**
 * A logical connection was closed (returned to its pool): the end of a checkout, sent for every
 * checkout, whether statements ran on it or not.
 *
 * @param connectionId   the id statements on this connection carried
 * @param startNanos     when the connection was obtained
 * @param heldNanos      how long the application held it
 * @param statements     executions captured on it
 * @param statementNanos time those executions took, together
 */
public record ConnectionReleased(long connectionId, long startNanos, long heldNanos, int statements,
                                 long statementNanos) implements CaptureEvent {
}
