package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.capture.ObservedStatement;

/**
 * What a rule keeps about one open unit of work (a request, a transaction or a connection
 * checkout, see {@link UnitOfWorkKey}); {@link UnitsOfWork} decides which statements belong to it
 * and when it ends, and tells the rule which unit it was when it ends ({@link EndedUnit}).
 */
public interface UnitOfWork {

    /** One more statement ran in this unit. */
    void record(ObservedStatement statement);
}
