package io.queryadvisor.advisor.probe;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/**
 * Counts the probe's failures by kind and logs the first of each kind, once: a database that keeps
 * timing out says so once, not once a request. Written by the probe's thread; counts may be read
 * from any thread.
 */
final class ProbeFailures {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");

    private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
    private final boolean[] logged = new boolean[Kind.values().length];

    /** Records a failure and makes its result. {@code bug} is the exception of an internal failure, else null. */
    ProbeFailure failed(String source, Kind kind, String message, Throwable bug) {
        counts.incrementAndGet(kind.ordinal());
        if (!logged[kind.ordinal()]) {
            logged[kind.ordinal()] = true;
            LOG.log(kind == Kind.INTERNAL || kind == Kind.CONNECTION_FAILED ? System.Logger.Level.WARNING
                            : System.Logger.Level.INFO,
                    "Query Advisor: the database probe failed on " + source + " (" + kind + ": " + message
                            + "); later failures of this kind are counted, not logged", bug);
        }
        return new ProbeFailure(kind, message);
    }

    /** Failures so far by kind; kinds that never failed are left out. */
    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            long n = counts.get(kind.ordinal());
            if (n > 0) {
                out.put(kind.name(), n);
            }
        }
        return out;
    }

    long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * What to say of a database error: its SQLSTATE and the first line of its message; the message
     * is withheld when the request carried bind values and the error is one that can quote them.
     */
    static String describe(SQLException e, Kind kind, boolean hadValues) {
        String state = e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ";
        if (hadValues && (kind == Kind.STATEMENT_FAILED || kind == Kind.READ_ONLY)) {
            return state + "the database's message is withheld, since it may quote the bind values";
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return state + (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
