package io.queryadvisor.advisor.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.ConnectionAcquireFailed;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.PoolSampled;

/**
 * The running figures of one pool or data source. Mutable, consumer thread only: owned by
 * {@link PoolUsage}, which publishes {@link #view} copies.
 */
final class SourceUsage {

    /** 15 minutes of one point a second. */
    static final int SERIES_POINTS = 900;
    private static final int MAX_KEYS = 32;
    private static final int HOLDERS = 10;
    private static final int MAX_OPEN_REQUESTS = 10_000;
    /** A pool sample older than this is not the pool's state any more (its sampler stopped). */
    private static final long SAMPLE_FRESH_NANOS = 3_000_000_000L;

    private final String name;
    private final ArrayDeque<PoolSample> series = new ArrayDeque<>();
    private final DurationHistogram acquire = new DurationHistogram();
    private final DurationHistogram hold = new DurationHistogram();
    private final DurationHistogram secondAcquire = new DurationHistogram();
    private final DurationHistogram secondHold = new DurationHistogram();
    private final CountHistogram concurrent = new CountHistogram();
    private final CountHistogram transactionsPerRequest = new CountHistogram();
    private final KeyedUsage callSites = new KeyedUsage(MAX_KEYS);
    private final KeyedUsage endpoints = new KeyedUsage(MAX_KEYS);
    private final LongestHolders holders = new LongestHolders(HOLDERS);
    private final Map<Long, int[]> transactionsByRequest = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
            return size() > MAX_OPEN_REQUESTS; // a request never seen to end
        }
    };
    private PoolSettings settings = PoolSettings.UNKNOWN;
    private PoolSampled lastSample;
    private int checkedOut;
    private long secondAcquisitions;
    private long secondTimeouts;
    private int maxWaiting = -1;
    private long maxWaitingAt;
    private long secondsWithWaiting;
    private long secondsSampled;
    private int maxActive;
    private double idleShareSum;
    private long failures;
    private long timeouts;
    private long lastTimeoutAt;
    private long statements;
    private long queryTimeoutsSet;

    SourceUsage(String name) {
        this.name = name;
    }

    void sampled(PoolSampled e, long epochMillis) {
        lastSample = e;
        settings = e.settings();
        secondsSampled++;
        maxActive = Math.max(maxActive, e.active());
        if (e.total() > 0) {
            idleShareSum += (double) e.idle() / e.total();
        }
        if (e.waiting() > 0) {
            secondsWithWaiting++;
        }
        if (e.waiting() > maxWaiting) {
            maxWaiting = e.waiting();
            maxWaitingAt = epochMillis;
        }
    }

    void acquired(ConnectionAcquired e) {
        checkedOut++;
        concurrent.record(checkedOut);
        acquire.record(e.waitNanos());
        secondAcquire.record(e.waitNanos());
        secondAcquisitions++;
        callSites.acquired(label(e.callSite()), e.waitNanos());
        if (e.request() != null) {
            endpoints.acquired(e.request().endpoint(), e.waitNanos());
            transactionsByRequest.putIfAbsent(e.request().id(), new int[1]);
        }
    }

    void released(ConnectionReleased e, Checkout checkout, long acquiredAtEpochMillis) {
        checkedOut = Math.max(0, checkedOut - 1);
        hold.record(e.heldNanos());
        secondHold.record(e.heldNanos());
        String site = checkout == null ? null : label(checkout.callSite());
        callSites.released(site, e.heldNanos());
        if (checkout != null && checkout.endpoint() != null) {
            endpoints.released(checkout.endpoint(), e.heldNanos());
        }
        holders.offer(new Holder(site, checkout == null ? null : checkout.threadName(),
                checkout == null ? null : checkout.endpoint(), e.heldNanos() / 1e6, e.statements(),
                e.statementNanos() / 1e6, false, acquiredAtEpochMillis));
    }

    void failed(ConnectionAcquireFailed e, long epochMillis) {
        failures++;
        secondAcquire.record(e.waitNanos());
        if (e.timedOut()) {
            timeouts++;
            secondTimeouts++;
            lastTimeoutAt = epochMillis;
        }
        callSites.failed(label(e.callSite()));
        if (e.request() != null) {
            endpoints.failed(e.request().endpoint());
        }
    }

    void statement() {
        statements++;
    }

    void queryTimeoutSet() {
        queryTimeoutsSet++;
    }

    void transactionEnded(long requestId) {
        int[] count = transactionsByRequest.get(requestId);
        if (count != null) {
            count[0]++;
        }
    }

    void requestCompleted(long requestId) {
        int[] count = transactionsByRequest.remove(requestId);
        if (count != null) {
            transactionsPerRequest.record(count[0]);
        }
    }

    /** Closes one second: appends its point to the series. */
    void second(long nowNanos, long epochMillis) {
        PoolSampled s = lastSample != null && nowNanos - lastSample.startNanos() < SAMPLE_FRESH_NANOS ? lastSample : null;
        series.addLast(new PoolSample(epochMillis, s == null ? -1 : s.total(), s == null ? -1 : s.active(),
                s == null ? -1 : s.idle(), s == null ? -1 : s.waiting(), checkedOut,
                DurationHistogram.round(secondAcquire.percentileMillis(95)),
                DurationHistogram.round(secondHold.percentileMillis(95)), secondAcquisitions, secondTimeouts));
        if (series.size() > SERIES_POINTS) {
            series.removeFirst();
        }
        secondAcquire.reset();
        secondHold.reset();
        secondAcquisitions = 0;
        secondTimeouts = 0;
    }

    /** @param open the longest checkouts of this source still out */
    PoolView view(List<Holder> open) {
        return new PoolView(name, lastSample != null, settings, series.peekLast(), new ArrayList<>(series),
                acquire.summary(), hold.summary(), concurrent.summary(), maxWaiting, maxWaitingAt, secondsWithWaiting,
                secondsSampled, maxActive, secondsSampled == 0 ? 0 : DurationHistogram.round(idleShareSum / secondsSampled),
                failures, timeouts, lastTimeoutAt, statements, queryTimeoutsSet, callSites.views(), endpoints.views(),
                holders.with(open), transactionsPerRequest.summary());
    }

    static String label(io.queryadvisor.advisor.capture.CallSite site) {
        return site == null ? null : site.toString();
    }
}
