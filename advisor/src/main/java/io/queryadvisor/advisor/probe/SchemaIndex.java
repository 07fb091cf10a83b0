package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * One index of the schema, with what it costs and how much it is used.
 *
 * @param schema        its schema
 * @param table         its table
 * @param name          its name
 * @param columns       its key columns in order, as shown (an expression's text for an expression)
 * @param keys          one comparable signature per key column: the column or expression with its
 *                      operator class, collation and order, so that two indexes compare equal
 *                      column by column only when either could serve what the other serves
 * @param method        its access method ({@code btree}, {@code gin} ...)
 * @param predicate     a partial index's WHERE, or {@code null}
 * @param includes      how many non-key ({@code INCLUDE}) columns it carries
 * @param unique        whether it is unique
 * @param constraint    the constraint it backs (primary key, unique, exclusion), or {@code null}
 * @param foreignKey    a foreign key of its table whose columns are its leading columns, or {@code null}:
 *                      the index that lets a DELETE or key UPDATE in the referenced table find the rows
 * @param valid         whether it is valid (a failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid one)
 * @param scans         index scans since the statistics were reset ({@code idx_scan})
 * @param sizeBytes     its size on disk
 * @param tableInserts  rows inserted into its table since the reset: each one writes this index
 * @param tableUpdates  rows of its table updated other than HOT: each one writes this index too
 * @param tableDeletes  rows deleted from its table since the reset
 * @param definition    the statement that would create it ({@code pg_get_indexdef})
 * @param qualifiedName  the index as {@code schema.name}, quoted where PostgreSQL needs it, for a DROP INDEX
 * @param qualifiedTable its table likewise
 */
public record SchemaIndex(String schema, String table, String name, List<String> columns, List<String> keys,
                          String method, String predicate, int includes, boolean unique, String constraint,
                          String foreignKey, boolean valid, long scans, long sizeBytes, long tableInserts, long tableUpdates,
                          long tableDeletes, String definition,
                          String qualifiedName, String qualifiedTable) {

    public SchemaIndex {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

}
