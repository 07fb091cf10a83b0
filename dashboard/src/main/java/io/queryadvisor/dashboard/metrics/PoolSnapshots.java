package io.queryadvisor.dashboard.metrics;

import java.util.List;

/**
 * Where {@link PoolMetrics} reads the application's connection pools from, on every scrape: the
 * pool sampler's last immutable publication, never the pools themselves.
 */
@FunctionalInterface
public interface PoolSnapshots {

    /** No pool known. */
    PoolSnapshots NONE = List::of;

    /** Every pool known now, one entry per pool name. Must not block and must not fail. */
    List<PoolSnapshot> pools();
}
