package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.capture.StatementExecuted;

/** Whether two executions of one fingerprint ran with the same values: what tells a loop from a repeat. */
public final class ExecutionValues {

    private ExecutionValues() {
    }

    /**
     * The values an execution ran with: its binds and its text. Statements with literals inlined
     * have no binds (bind count 0, hash 0) but a different text for each value; prepared ones have
     * one text and different binds. Equal values give equal hashes.
     */
    public static long hash(StatementExecuted e) {
        return e.bindHash() * 31 + e.sql().hashCode();
    }
}
