package io.queryadvisor.advisor.pool;

import java.util.List;

/**
 * Every pool and data source the application got connections from, as published: what
 * {@code GET /api/pools} returns and what the pool rules read.
 *
 * @param thresholds the pool rules' thresholds in force, for charts
 */
public record PoolsSnapshot(long takenAtEpochMillis, List<PoolView> pools, PoolThresholds thresholds) {

    public static final PoolsSnapshot EMPTY = new PoolsSnapshot(0, List.of(), PoolThresholds.NONE);

    public PoolsSnapshot {
        pools = List.copyOf(pools);
    }

    /** The pool or data source called {@code name}, or {@code null}. */
    public PoolView pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
