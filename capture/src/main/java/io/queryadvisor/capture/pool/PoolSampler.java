package io.queryadvisor.capture.pool;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;
import io.queryadvisor.capture.CaptureLog;

/**
 * Reads every watched pool's gauges once a second, on a daemon thread of its own, and hands them
 * to the advisor as {@link PoolSampled} events. Pools are held weakly (a pool the application drops
 * is forgotten, and its class loader with it) and read only through their own read-only getters;
 * a pool whose reading throws is dropped and said once. The thread starts with the first pool.
 */
public final class PoolSampler {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int MAX_POOLS = 64;

    private final Consumer<CaptureEvent> sink;
    private final CopyOnWriteArrayList<Watched> pools = new CopyOnWriteArrayList<>();
    private Thread thread;
    private volatile boolean stopped;

    /** @param sink where the samples go (the capture buffer: never blocks) */
    public PoolSampler(Consumer<CaptureEvent> sink) {
        this.sink = sink;
    }

    /**
     * Samples {@code dataSource} from now on if it is a pool we can read (HikariCP, DBCP2) and is not
     * sampled already; called once per data source, when it is first seen. Never throws.
     */
    public void watch(Object dataSource, String name) {
        try {
            PoolReader reader = PoolReader.of(dataSource);
            if (reader == null || stopped || pools.size() >= MAX_POOLS || watching(dataSource)) {
                return;
            }
            pools.add(new Watched(new WeakReference<>(dataSource), name, reader));
            startOnce();
        } catch (RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("pool-watch", "could not watch the pool " + name + "; its gauges are not sampled", e);
        }
    }

    /**
     * The pool {@code dataSource} is, or the pool it wraps when it is a proxy in front of one (a pool
     * we can sample, found through {@code unwrap}); else {@code dataSource} itself. Never throws.
     */
    public static Object poolBehind(DataSource dataSource) {
        return PoolReader.poolBehind(dataSource);
    }

    /** Whether {@code dataSource} is watched already: captured twice, or directly and behind a proxy. */
    private boolean watching(Object dataSource) {
        for (Watched w : pools) {
            if (w.pool.get() == dataSource) {
                return true;
            }
        }
        return false;
    }

    /** Pools watched now (collected ones included until the next round notices). */
    public int watched() {
        return pools.size();
    }

    public void stop() {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }

    private synchronized void startOnce() {
        if (thread == null) {
            thread = new Thread(this::run, "query-advisor-pool-sampler");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long next = System.nanoTime();
        while (!stopped) {
            sampleOnce();
            next += PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait < 0) {
                next = System.nanoTime(); // fell behind (a suspended JVM): no burst of catch-up rounds
            } else {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return; // stopped
                }
            }
        }
    }

    /** One round: reads every pool still alive, forgets the others. */
    void sampleOnce() {
        for (Watched w : pools) {
            Object pool = w.pool.get();
            if (pool == null) {
                pools.remove(w);
                continue;
            }
            try {
                if (FaultInjection.ARMED) {
                    FaultInjection.at(FaultyStep.POOL_SAMPLER, w.name);
                }
                PoolSampled sample = w.reader.read(pool, w.name, System.nanoTime());
                if (sample != null) {
                    sink.accept(sample);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                pools.remove(w);
                CaptureLog.warnOnce("pool-read:" + w.name, "could not read the gauges of the pool " + w.name
                        + "; it is not sampled any more", e);
            }
        }
    }

    private record Watched(WeakReference<Object> pool, String name, PoolReader reader) {
    }
}
