package io.queryadvisor.advisor.rules.support;

/**
 * One open unit of work as {@link UnitsOfWork} follows it: the rule's state, and what the bounds and
 * the series of checkouts need (when it started, its statements, its thread and current connection,
 * when its last checkout was released, and whether that checkout may be one step of a loop).
 *
 * @param <U> what the rule keeps per unit
 */
final class OpenUnit<U> {

    /** Statements a checkout may run and still be one step of a loop that checks out a connection per step. */
    static final int MAX_STEP_STATEMENTS = 8;

    /** The unit: its first statement's, or the series' once a checkout was continued. */
    UnitOfWorkKey key;
    String endpoint;
    final U state;
    final long startedMillis;
    final long threadId;
    int statements;
    /** The connection of its current (or last) checkout. */
    long connectionId;
    /** When its last checkout was released, while it waits for the next; {@link Long#MIN_VALUE} otherwise. */
    long releasedNanos = Long.MIN_VALUE;
    /**
     * The shapes the current checkout ran, while it may be one step of a loop; {@code null} once it
     * may not, and for units that cannot be part of a series.
     */
    private String[] stepShapes;
    private int stepStatements;

    OpenUnit(UnitOfWorkKey key, U state, long startedMillis, long threadId, long connectionId) {
        this.key = key;
        this.state = state;
        this.startedMillis = startedMillis;
        this.threadId = threadId;
        this.connectionId = connectionId;
    }

    /** The current checkout ran a statement of shape {@code fingerprintId}. */
    void step(String fingerprintId) {
        if (stepShapes == null) {
            return;
        }
        if (stepStatements == MAX_STEP_STATEMENTS) {
            stepShapes = null;
            return;
        }
        for (int i = 0; i < stepStatements; i++) {
            if (stepShapes[i].equals(fingerprintId)) {
                stepShapes = null;
                return;
            }
        }
        stepShapes[stepStatements++] = fingerprintId;
    }

    /** Whether the current checkout may be one step of a loop: few statements, none of one shape twice. */
    boolean mayBeStep() {
        return stepShapes != null;
    }

    /** A checkout on {@code connection} begins (or continues the unit as a series). */
    void nextCheckout(long connection) {
        connectionId = connection;
        releasedNanos = Long.MIN_VALUE;
        stepShapes = new String[MAX_STEP_STATEMENTS];
        stepStatements = 0;
    }

    /** Whether it has waited for its thread's next checkout longer than {@code gapNanos} at {@code nowNanos}. */
    boolean pausedTooLong(long nowNanos, long gapNanos) {
        return releasedNanos != Long.MIN_VALUE && nowNanos - releasedNanos > gapNanos;
    }
}
