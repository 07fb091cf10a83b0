package io.queryadvisor.advisor.rules.missingindex;

import java.util.List;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * The index a scan asks for.
 *
 * @param table      the table, as the plan names it
 * @param columns    its key columns in order: equality columns first, then one range column
 * @param patternOps the column compared with {@code LIKE 'prefix%'} that needs
 *                   {@code text_pattern_ops} (PostgreSQL), or {@code null}
 */
record IndexCandidate(String table, List<String> columns, String patternOps) {

    IndexCandidate {
        columns = List.copyOf(columns);
    }

    /** What hypopg is asked to try: a plain CREATE INDEX (it takes neither a name nor CONCURRENTLY). */
    String hypotheticalSql() {
        return "CREATE INDEX ON " + table + " (" + keyList(true) + ")";
    }

    /**
     * The statement suggested: on PostgreSQL {@code CONCURRENTLY}, so that building it never
     * blocks the application's writes; a name, so that running it twice fails instead of piling up
     * copies.
     */
    String suggestedSql(Dialect dialect) {
        String name = "idx_" + table + "_" + String.join("_", columns).replace(" DESC", "_desc");
        if (name.length() > 63) {
            name = name.substring(0, 63); // PostgreSQL's identifier limit
        }
        return dialect == Dialect.POSTGRESQL
                ? "CREATE INDEX CONCURRENTLY " + name + " ON " + table + " (" + keyList(true) + ");"
                : "CREATE INDEX " + name + " ON " + table + " (" + keyList(false) + ");";
    }

    /** The key columns; MariaDB and MySQL serve a prefix LIKE from any index, and have no operator classes. */
    private String keyList(boolean operatorClasses) {
        return String.join(", ", columns.stream()
                .map(c -> operatorClasses && c.equals(patternOps) ? c + " text_pattern_ops" : c).toList());
    }
}
