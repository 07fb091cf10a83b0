package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * Asks the catalog about one table: its estimated rows, its indexes and the statistics of some of
 * its columns (PostgreSQL).
 *
 * @param table   the table as a statement names it, schema-qualified or resolved by the search path
 * @param columns the columns whose statistics are wanted; empty for all the database has
 */
public record TableFactsRequest(String requester, String key, String source, String table, List<String> columns)
        implements ProbeRequest {

    public TableFactsRequest {
        columns = List.copyOf(columns);
    }
}
