package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * What the statistics views and the catalog say of a database's schema.
 *
 * @param database  the database, and since when its statistics count
 * @param indexes   its user indexes (system schemas left out), at most {@link #MAX_OBJECTS}
 * @param tables    its user tables, at most {@link #MAX_OBJECTS}
 * @param truncated whether there were more indexes or tables than that (kept: the largest indexes by
 *                  the catalog's page count, the tables with the most dead and changed rows)
 */
public record SchemaFactsResult(DatabaseFacts database, List<SchemaIndex> indexes, List<TableHealth> tables,
                                boolean truncated) implements ProbeResult {

    /**
     * Indexes, or tables, read at most: a few hundred bytes each in memory, so a schema of any
     * size keeps its answer within a few megabytes.
     */
    public static final int MAX_OBJECTS = 5_000;

    public SchemaFactsResult {
        indexes = List.copyOf(indexes);
        tables = List.copyOf(tables);
    }
}
