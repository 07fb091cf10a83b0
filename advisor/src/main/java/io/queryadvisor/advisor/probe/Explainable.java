package io.queryadvisor.advisor.probe;

import java.util.Set;

import io.queryadvisor.advisor.fingerprint.PositionalSql;
import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Decides whether the probe may put EXPLAIN in front of a statement: one statement (a second one
 * after a {@code ;} would run as written), of a kind EXPLAIN plans without running.
 */
final class Explainable {

    private static final Set<StatementType> PLANNED = Set.of(StatementType.SELECT, StatementType.INSERT,
            StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE);

    private Explainable() {
    }

    /** The statement read, with its placeholders numbered; refused when it is not one explainable statement. */
    static PositionalSql check(String sql) throws ProbeRefused {
        if (sql == null || sql.isBlank()) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT, "no statement");
        }
        PositionalSql positional = PositionalSql.of(sql);
        if (positional.statements() != 1) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT, positional.statements()
                    + " statements in one text; the probe explains a single statement");
        }
        if (!PLANNED.contains(positional.type())) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT, "a statement of type " + positional.type()
                    + " has no plan to explain");
        }
        return positional;
    }

    /** Refuses values that cannot fill the statement's placeholders. */
    static void checkValues(PositionalSql statement, int values) throws ProbeRefused {
        // fewer values than placeholders can never bind; more can, where the driver reads a
        // placeholder our lexer takes for an operator (pgjdbc's "?|")
        if (values > 0 && values < statement.parameters()) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT, values + " bind values for "
                    + statement.parameters() + " placeholders");
        }
    }
}
