package io.queryadvisor.e2e.app;

import java.util.Locale;

/**
 * What the agent must report for one fingerprint of the known workload.
 *
 * @param marker            a name only this fingerprint's table or alias carries, with {@code type}
 *                          enough to find it whatever the exact normalised text
 * @param type              the statement type, as the API spells it
 * @param count             executions
 * @param rows              rows read, or rows changed for updates
 * @param batchedStatements statements, counting each in a batch
 * @param errors            executions that failed
 * @param method            the {@link KnownWorkload} method that issued it: its call site
 */
public record ExpectedQuery(String marker, String type, long count, long rows, long batchedStatements, long errors,
                            String method) {

    static ExpectedQuery of(String marker, String type, long count, long rows, String method) {
        return new ExpectedQuery(marker, type, count, rows, count, 0, method);
    }

    ExpectedQuery batchedAs(long statements) {
        return new ExpectedQuery(marker, type, count, rows, statements, errors, method);
    }

    ExpectedQuery failing() {
        return new ExpectedQuery(marker, type, count, rows, batchedStatements, count, method);
    }

    /** Whether a normalised statement text and type are this fingerprint's. */
    public boolean matches(String fingerprint, String statementType) {
        return type.equals(statementType) && fingerprint.toLowerCase(Locale.ROOT).contains(marker);
    }
}
