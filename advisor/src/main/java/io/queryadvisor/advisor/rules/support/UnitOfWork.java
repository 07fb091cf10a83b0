package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.capture.ObservedStatement;

/**
 * What a rule keeps about one open unit of work (a request, a transaction or a connection
 * checkout, see {@link UnitOfWorkKey}); {@link UnitsOfWork} decides which statements belong to it
 * and when it ends.
 */
public interface UnitOfWork {

    /** One more statement ran in this unit. */
    void record(ObservedStatement statement);

    /**
     * This unit, a connection checkout so far, goes on with the next checkout of its thread: from now
     * on it is the series {@code series} (see {@link UnitsOfWork}). Called once, before the next
     * checkout's first statement is recorded.
     */
    default void continuedAs(UnitOfWorkKey series) {
    }
}
