package io.queryadvisor.advisor.probe;

import java.time.Instant;
import java.util.Map;

/**
 * One table's dead rows, and when it was last vacuumed and analyzed ({@code pg_stat_user_tables}).
 *
 * @param schema            its schema
 * @param table             its name
 * @param liveRows          live rows, estimated ({@code n_live_tup})
 * @param deadRows          dead rows not yet vacuumed ({@code n_dead_tup})
 * @param modifiedSinceAnalyze rows changed since it was last analyzed
 * @param sizeBytes         its size on disk, without indexes and TOAST
 * @param lastVacuum        its last vacuum, by hand or by autovacuum, or {@code null} if never
 * @param lastAnalyze       its last analyze, by hand or by autovacuum, or {@code null} if never
 * @param options           its storage options ({@code autovacuum_enabled=false} ...), by name
 * @param qualifiedName     the table as {@code schema.table}, quoted where PostgreSQL needs it
 */
public record TableHealth(String schema, String table, long liveRows, long deadRows, long modifiedSinceAnalyze,
                          long sizeBytes, Instant lastVacuum, Instant lastAnalyze, Map<String, String> options,
                          String qualifiedName) {

    public TableHealth {
        options = Map.copyOf(options);
    }

}
