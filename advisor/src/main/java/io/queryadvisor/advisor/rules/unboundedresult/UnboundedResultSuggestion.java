package io.queryadvisor.advisor.rules.unboundedresult;

import java.util.Locale;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.rules.Suggestion;

/**
 * The fix for a result without a bound: pages (a LIMIT, keyset pagination) where a person reads it,
 * a stream with a fetch size where a job needs it all, in the terms of the database's driver (which
 * buffers whole results unless told otherwise).
 */
final class UnboundedResultSuggestion {

    private UnboundedResultSuggestion() {
    }

    static Suggestion of(ResultSizes sizes, Dialect dialect) {
        StringBuilder text = new StringBuilder("Bound what one execution reads. Where a person reads the result, page"
                + " it: a LIMIT, with keyset pagination (ORDER BY a unique key, then WHERE key > the last one seen),"
                + " which stays fast at any depth where OFFSET does not. Where a job needs every row (an export, a"
                + " batch), stream it: set a fetch size (statement.setFetchSize(500)) and handle each row as it"
                + " comes instead of collecting them all in a list.");
        if (sizes.withFetchSize() == 0) {
            text.append(" No fetch size was set on it.");
        }
        text.append(switch (dialect) {
            case POSTGRESQL -> " PostgreSQL's driver reads the whole result into memory unless auto-commit is off"
                    + " and a fetch size is set: run it in a transaction (connection.setAutoCommit(false), or"
                    + " @Transactional(readOnly = true)) with the fetch size.";
            case MYSQL -> " MySQL Connector/J reads the whole result into memory by default: stream it with"
                    + " useCursorFetch=true in the JDBC URL and a fetch size, or setFetchSize(Integer.MIN_VALUE) for"
                    + " one row at a time.";
            case H2, OTHER -> "";
        });
        text.append(" With Spring Data, return a Slice or Page (Pageable), or a Window scrolled by a keyset"
                + " ScrollPosition; to stream, a Stream<T> repository method with the fetch size hint"
                + " (org.hibernate.fetchSize) inside a transaction.");
        String sql = sizes.fingerprint().text();
        if (!limitable(sql)) {
            return Suggestion.text(text.toString());
        }
        String limit = dialect == Dialect.OTHER ? " FETCH FIRST ? ROWS ONLY" : " LIMIT ?";
        return Suggestion.withSql(text.toString(), sql + limit);
    }

    /** A single statement whose end a LIMIT can follow (not after FOR UPDATE, not a cut text). */
    private static boolean limitable(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        return !sql.contains(";") && !sql.contains("…") && !upper.contains(" FOR UPDATE")
                && !upper.contains(" FOR SHARE") && !upper.contains(" FOR NO KEY UPDATE");
    }
}
