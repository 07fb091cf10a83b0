package io.queryadvisor.dashboard.metrics;

import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.pool.PoolSample;
import io.queryadvisor.advisor.pool.PoolView;

/**
 * The pools of the advisor's last publication as {@link PoolMetrics} exports them. Only pools whose
 * gauges are read from the pool itself are exported (a plain data source has no active or idle
 * count to give), and only once their first second has been sampled.
 */
public final class AdvisorPools implements PoolSnapshots {

    private final Advisor advisor;

    public AdvisorPools(Advisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public List<PoolSnapshot> pools() {
        List<PoolSnapshot> pools = new ArrayList<>();
        for (PoolView pool : advisor.pools().pools()) {
            PoolSample now = pool.latest();
            if (pool.sampled() && now != null) {
                pools.add(snapshot(pool, now));
            }
        }
        return pools;
    }

    static PoolSnapshot snapshot(PoolView pool, PoolSample now) {
        PoolSnapshot.ConnectionTimings timings = new PoolSnapshot.ConnectionTimings(pool.acquire().count(),
                nanos(pool.acquire().totalMillis()), pool.hold().count(), nanos(pool.hold().totalMillis()),
                pool.timeouts());
        return new PoolSnapshot(pool.name(), Math.max(0, now.active()), Math.max(0, now.idle()),
                Math.max(0, now.waiting()), Math.max(0, now.total()), pool.settings().maximumPoolSize(),
                pool.settings().minimumIdle(), timings);
    }

    private static long nanos(double millis) {
        return Math.round(millis * 1_000_000);
    }
}
