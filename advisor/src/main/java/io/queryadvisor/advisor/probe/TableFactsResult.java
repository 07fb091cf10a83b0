package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * What the catalog says of one table.
 *
 * @param schema      the table's schema
 * @param table       the table's name
 * @param rowEstimate the planner's row estimate ({@code pg_class.reltuples}); -1 when the table was
 *                    never analyzed
 * @param indexes     its indexes
 * @param columns     the statistics of the columns asked for that the database has statistics of
 */
public record TableFactsResult(String schema, String table, double rowEstimate, List<IndexDefinition> indexes,
                               List<ColumnStatistics> columns) implements ProbeResult {

    public TableFactsResult {
        indexes = List.copyOf(indexes);
        columns = List.copyOf(columns);
    }
}
