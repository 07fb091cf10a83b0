package io.queryadvisor.dashboard.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The application's connection pools under the names Spring Boot Actuator gives HikariCP's meters,
 * so that existing dashboards and alerts apply: {@code hikaricp.connections} (open),
 * {@code hikaricp.connections.active}, {@code .idle}, {@code .pending}, {@code .max}, {@code .min},
 * the timers {@code hikaricp.connections.acquire} and {@code hikaricp.connections.usage}, and the
 * counter {@code hikaricp.connections.timeout}; each tagged {@code pool=<name>}.
 *
 * <p>Pools come and go while the application runs, so the meters follow {@link #refresh()}, called
 * before every scrape: a new pool name gets its meters, a pool no longer listed loses them. At most
 * {@value #MAX_POOLS} pools are exported; the rest are counted in {@code queryadvisor.pools.unexported}.
 */
public final class PoolMetrics implements MeterBinder {

    /** Pools exported at most: more than any application has, few enough that a runaway list stays small. */
    public static final int MAX_POOLS = 64;

    private final PoolSnapshots source;
    /** What the last refresh read, by pool name; the meters' functions read it. */
    private volatile Map<String, PoolSnapshot> latest = Map.of();
    private volatile int unexported;
    // guarded by this: refreshes come from the dashboard's worker threads, never the application's
    private final Map<String, List<Meter>> bound = new HashMap<>();
    private MeterRegistry registry;

    public PoolMetrics(PoolSnapshots source) {
        this.source = source;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("queryadvisor.pools.unexported", this, m -> m.unexported)
                .description("Connection pools beyond the " + MAX_POOLS + " exported").register(registry);
        refresh();
    }

    /** Reads the pools now, and registers or removes meters as pools appeared or went away. */
    public synchronized void refresh() {
        if (registry == null) {
            return;
        }
        Map<String, PoolSnapshot> now = new LinkedHashMap<>();
        for (PoolSnapshot pool : source.pools()) {
            now.putIfAbsent(pool.name(), pool);
        }
        latest = now;
        bound.entrySet().removeIf(entry -> {
            if (now.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(registry::remove);
            return true;
        });
        int left = 0;
        for (String name : now.keySet()) {
            if (bound.containsKey(name)) {
                continue;
            }
            if (bound.size() < MAX_POOLS) {
                bound.put(name, register(name));
            } else {
                left++;
            }
        }
        unexported = left;
    }

    private List<Meter> register(String pool) {
        List<Meter> meters = new ArrayList<>();
        meters.add(gauge(pool, "hikaricp.connections", "Total connections", PoolSnapshot::total));
        meters.add(gauge(pool, "hikaricp.connections.active", "Active connections", PoolSnapshot::active));
        meters.add(gauge(pool, "hikaricp.connections.idle", "Idle connections", PoolSnapshot::idle));
        meters.add(gauge(pool, "hikaricp.connections.pending", "Threads waiting for a connection", PoolSnapshot::pending));
        meters.add(gauge(pool, "hikaricp.connections.max", "Max connections", PoolSnapshot::max));
        meters.add(gauge(pool, "hikaricp.connections.min", "Min connections", PoolSnapshot::min));
        meters.add(timer(pool, "hikaricp.connections.acquire", "Connection acquire time",
                PoolSnapshot.ConnectionTimings::acquisitions, PoolSnapshot.ConnectionTimings::acquireNanos));
        meters.add(timer(pool, "hikaricp.connections.usage", "Connection usage time",
                PoolSnapshot.ConnectionTimings::usages, PoolSnapshot.ConnectionTimings::usageNanos));
        meters.add(FunctionCounter.builder("hikaricp.connections.timeout", this,
                        m -> m.timings(pool, PoolSnapshot.ConnectionTimings::timeouts))
                .description("Connection timeout total count").tag("pool", pool).register(registry));
        return meters;
    }

    private Meter gauge(String pool, String name, String description, ToDoubleFunction<PoolSnapshot> value) {
        return Gauge.builder(name, this, m -> {
            PoolSnapshot snapshot = m.latest.get(pool);
            return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
        }).description(description).tag("pool", pool).register(registry);
    }

    private Meter timer(String pool, String name, String description,
                        ToLongFunction<PoolSnapshot.ConnectionTimings> count,
                        ToLongFunction<PoolSnapshot.ConnectionTimings> totalNanos) {
        return FunctionTimer.builder(name, this, m -> m.timings(pool, count), m -> m.timings(pool, totalNanos),
                TimeUnit.NANOSECONDS).description(description).tag("pool", pool).register(registry);
    }

    private long timings(String pool, ToLongFunction<PoolSnapshot.ConnectionTimings> value) {
        PoolSnapshot snapshot = latest.get(pool);
        return snapshot == null ? 0 : value.applyAsLong(snapshot.timings());
    }
}
