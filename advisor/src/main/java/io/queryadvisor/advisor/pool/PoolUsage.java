package io.queryadvisor.advisor.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ChainListener;
import io.queryadvisor.advisor.capture.ConnectionAcquireFailed;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.capture.QueryTimeoutSet;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.capture.TransactionEnded;

/**
 * Connection pool usage, from the event stream, on the advisor's consumer thread: the pools'
 * sampled gauges and the application's checkouts, per pool or data source (by the {@code source}
 * name the events carry, which is the pool's name), closed into one point a second on each
 * {@link Tick}. Bounded: {@value #MAX_SOURCES} sources, 15 minutes of points, 32 call sites and
 * endpoints each, {@value #MAX_OPEN} connections out at once.
 */
public final class PoolUsage implements CaptureListener, ChainListener.Named {

    static final int MAX_SOURCES = 64;
    static final int MAX_OPEN = 10_000;
    private static final int OPEN_HOLDERS = 10;

    private final Map<String, SourceUsage> sources = new LinkedHashMap<>();
    private final OpenCheckouts open = new OpenCheckouts(MAX_OPEN);
    private long baseNanos = System.nanoTime();
    private long baseEpochMillis = System.currentTimeMillis();
    private final PoolThresholds thresholds;
    private long sourcesDropped;

    public PoolUsage() {
        this(PoolThresholds.NONE);
    }

    /** @param thresholds published with every snapshot, for charts */
    public PoolUsage(PoolThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return "pool usage";
    }

    @Override
    public void onEvent(CaptureEvent event) {
        Checkout ended = open.onEvent(event);
        if (event instanceof ConnectionAcquired e) {
            with(e.source(), s -> s.acquired(e));
        } else if (event instanceof ConnectionReleased e) {
            if (ended != null) {
                with(ended.source(), s -> s.released(e, ended, epochMillis(ended.obtainedNanos())));
            }
        } else if (event instanceof ConnectionAcquireFailed e) {
            with(e.source(), s -> s.failed(e, epochMillis(e.startNanos())));
        } else if (event instanceof PoolSampled e) {
            with(e.pool(), s -> s.sampled(e, epochMillis(e.startNanos())));
        } else if (event instanceof ObservedStatement e) {
            with(e.event().source(), SourceUsage::statement);
        } else if (event instanceof QueryTimeoutSet e) {
            Checkout c = open.get(e.connectionId());
            if (c != null && e.timeoutSeconds() > 0) {
                with(c.source(), SourceUsage::queryTimeoutSet);
            }
        } else if (event instanceof TransactionEnded e) {
            Checkout c = open.get(e.connectionId());
            if (c != null && c.requestId() != 0) {
                with(c.source(), s -> s.transactionEnded(c.requestId()));
            }
        } else if (event instanceof RequestCompleted e) {
            if (e.request() != null) {
                sources.values().forEach(s -> s.requestCompleted(e.request().id()));
            }
        } else if (event instanceof Tick t) {
            baseNanos = t.startNanos();
            baseEpochMillis = t.epochMillis();
            sources.values().forEach(s -> s.second(t.startNanos(), t.epochMillis()));
        }
    }

    /** What is known now, for publication. Consumer thread only. */
    public PoolsSnapshot snapshot() {
        long now = System.nanoTime();
        Map<String, List<Holder>> openBySource = new LinkedHashMap<>();
        for (Checkout c : open.all()) {
            openBySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(new Holder(
                    SourceUsage.label(c.callSite()), c.threadName(), c.endpoint(),
                    DurationHistogram.round((now - c.obtainedNanos()) / 1e6), 0, 0, true,
                    epochMillis(c.obtainedNanos())));
        }
        List<PoolView> views = new ArrayList<>();
        sources.forEach((name, usage) -> {
            List<Holder> holders = openBySource.getOrDefault(name, new ArrayList<>());
            holders.sort(Comparator.comparingDouble(Holder::heldMillis).reversed());
            views.add(usage.view(holders.size() > OPEN_HOLDERS ? holders.subList(0, OPEN_HOLDERS) : holders));
        });
        return new PoolsSnapshot(epochMillis(now), views, thresholds);
    }

    /** Sources left out for want of room, and connections out forgotten. */
    public Map<String, Long> counters() {
        return Map.of("poolSourcesDropped", sourcesDropped, "openCheckoutsForgotten", open.forgotten());
    }

    private void with(String source, Consumer<SourceUsage> action) {
        if (source == null) {
            return;
        }
        SourceUsage usage = sources.get(source);
        if (usage == null) {
            if (sources.size() >= MAX_SOURCES) {
                sourcesDropped++;
                return;
            }
            usage = new SourceUsage(source);
            sources.put(source, usage);
        }
        action.accept(usage);
    }

    private long epochMillis(long nanos) {
        return baseEpochMillis + (nanos - baseNanos) / 1_000_000;
    }
}
