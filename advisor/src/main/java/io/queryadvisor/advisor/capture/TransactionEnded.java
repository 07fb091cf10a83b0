package io.queryadvisor.advisor.capture;

/**
 * A transaction ended on a connection: {@code commit()}, {@code rollback()}, or auto-commit
 * switched back on (which commits).
 *
 * @param connectionId  the connection it ran on
 * @param transactionId the id statements in it carried
 * @param committed     true for a commit, false for a rollback
 * @param startNanos    when it began (auto-commit switched off, or the previous transaction ended)
 * @param durationNanos how long it lasted
 * @param statements    executions captured in it
 */
public record TransactionEnded(long connectionId, long transactionId, boolean committed, long startNanos,
                               long durationNanos, int statements) implements CaptureEvent {
}
