package io.queryadvisor.advisor.probe;

/**
 * Why the probe found nothing. The probe survives every failure: the next request works as if
 * nothing happened (a lost connection is reopened then).
 *
 * @param kind    what went wrong
 * @param message what the database or the probe said; a database's message is left out when the
 *                request carried bind values, since it may quote them
 */
public record ProbeFailure(Kind kind, String message) implements ProbeResult {

    public enum Kind {
        /** no {@code DatabaseIdentified} named this data source */
        UNKNOWN_SOURCE,
        /** the capture layer could not learn how the application connects to this data source */
        NO_CONNECTOR,
        /** the probe has no dialect for this database, or this database cannot do what was asked */
        UNSUPPORTED_DATABASE,
        /** not one statement the probe can explain (several statements, a DDL, placeholders without values) */
        UNSUPPORTED_STATEMENT,
        /** the probe's connection could not be opened or set up */
        CONNECTION_FAILED,
        /** the probe's connection was lost while in use; the next request opens a new one */
        CONNECTION_LOST,
        /** the statement or lock timeout ended it */
        TIMEOUT,
        /** the database refused it in the probe's read-only transaction */
        READ_ONLY,
        /** a table, column or function it names does not exist (any more) */
        MISSING_OBJECT,
        /** any other error the database reported */
        STATEMENT_FAILED,
        /** a bug in the probe */
        INTERNAL
    }
}
