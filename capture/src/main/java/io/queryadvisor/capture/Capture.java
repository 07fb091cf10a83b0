package io.queryadvisor.capture;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.probe.DatabaseConnector;
import io.queryadvisor.capture.pool.PoolSampler;

/**
 * The capture layer's shared state, one per advisor: where events go, how call sites and bind
 * values are sampled, how connections are numbered, which data sources are known. Every JDBC
 * wrapper holds a reference to it, so the hot path reaches it without a static lookup.
 */
public final class Capture {

    /**
     * Every text's first executions have their bind values copied, then one in {@value #BIND_SAMPLE_EVERY};
     * every execution of a text the advisor asks for (a page whose OFFSET is a bind: see
     * {@link CaptureBuffer#sampleEveryExecution}).
     */
    static final int BIND_SAMPLE_FIRST = 3;
    static final int BIND_SAMPLE_EVERY = 1024; // a power of two: the test is a mask
    static final int ID_BLOCK = 1024;
    /** As many as the advisor's listeners are allowed (ChainListener): a part that keeps failing is switched off. */
    static final int FAILURES_BEFORE_STOPPING = 100;

    private final CaptureBuffer buffer;
    private final CallSiteSampler sampler;
    private final CallSiteSampler checkoutSampler;
    private final boolean bindSamples;
    private final AtomicLong connectionIds = new AtomicLong();
    private final PoolSampler pools;
    private final ConnectionSources sources;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopped;
    private volatile Runnable onStop = () -> { };

    public Capture(CaptureBuffer buffer, CaptureConfig config) {
        this.buffer = buffer;
        CallSiteFilter filter = config.newFilter();
        this.sampler = config.newSampler(filter);
        this.checkoutSampler = config.newCheckoutSampler(filter);
        this.bindSamples = config.bindSamples();
        if (bindSamples) {
            buffer.onEveryExecutionSampled(sampler::sampleEveryExecution);
        }
        this.pools = new PoolSampler(buffer::offer);
        this.sources = new ConnectionSources(pools::watch);
    }

    /** Whether connections are still wrapped; false once {@link #stop()} was called. */
    public boolean active() {
        return !stopped;
    }

    /**
     * From now on connections are handed out as they are, unwrapped (those wrapped already go on
     * capturing, into a buffer nobody may drain any more: it fills, and drops).
     */
    public void stop() {
        stopped = true;
        pools.stop();
        onStop.run();
    }

    /** Runs {@code action} once this capture stops (the agent stops wrapping connections then); replaces any earlier one. */
    public void onStop(Runnable action) {
        onStop = action;
    }

    /**
     * Samples {@code dataSource}'s gauges once a second from now on, if it is a pool whose gauges
     * can be read (HikariCP, DBCP2); once per data source, when it is first seen. Never throws.
     */
    public void watchPool(Object dataSource, String name) {
        pools.watch(dataSource, name);
    }

    /** Pools whose gauges are sampled now. */
    public int poolsWatched() {
        return pools.watched();
    }

    /** Hands an event to the advisor; never blocks (a full buffer drops and counts), never throws. */
    public void emit(CaptureEvent event) {
        try {
            buffer.offer(event);
        } catch (RuntimeException | LinkageError e) {
            failed("offer", "could not hand an event to the advisor; it is lost", e);
        }
    }

    /**
     * A step of the capture path failed on the application's thread, and was caught there: said once
     * per {@code kind}; after {@value #FAILURES_BEFORE_STOPPING} such failures in all, capture
     * switches itself off ({@link #stop()}), saying so once, and the application goes on with
     * connections as they are. Only ever called on a failure: the counter is no cost on the hot path.
     */
    public void failed(String kind, String message, Throwable e) {
        CaptureLog.warnOnce(kind, message, e);
        if (failures.incrementAndGet() == FAILURES_BEFORE_STOPPING) {
            stop();
            // once per capture: the count passes the threshold once
            CaptureLog.warn("capture failed " + FAILURES_BEFORE_STOPPING + " times and is switched off: connections"
                    + " are handed out as they are from now on; the advisor and the dashboard go on with what was"
                    + " captured");
        }
    }

    /**
     * A new logical connection's id, unique in this capture; ids start at 1. Each thread takes them
     * from a block of {@value #ID_BLOCK} of its own, so that a checkout costs no atomic operation on a
     * counter every thread shares: ids are unique, not in checkout order across threads.
     */
    public long nextConnectionId(CaptureContext context) {
        if (context.idBlockOwner != this || context.nextConnectionId == context.connectionIdLimit) {
            long first = connectionIds.getAndAdd(ID_BLOCK) + 1;
            context.idBlockOwner = this;
            context.nextConnectionId = first;
            context.connectionIdLimit = first + ID_BLOCK;
        }
        return context.nextConnectionId++;
    }

    /** The call site of the running execution of {@code sql}, or {@code null} when this one is not sampled. */
    public CallSite callSite(String sql, long durationNanos) {
        return sampler.sample(sql, durationNanos);
    }

    /** The call site of the running execution of a text counted by {@code count} (see {@link #executionCount}). */
    public CallSite callSite(ExecutionCount count, long durationNanos) {
        return sampler.sample(count, durationNanos);
    }

    /**
     * How many times {@code sql} ran, for a statement to keep; {@code null} when the sampler has no
     * room. {@code context} is the calling thread's.
     */
    public ExecutionCount executionCount(String sql, CaptureContext context) {
        return sampler.count(sql, context);
    }

    /** Whether the next execution of a text counted by {@code count} is to carry a copy of its bind values. */
    public boolean bindSampleDue(ExecutionCount count) {
        if (!bindSamples || count == null) {
            return false;
        }
        int seen = count.peek();
        return seen < BIND_SAMPLE_FIRST || (seen & (BIND_SAMPLE_EVERY - 1)) == 0 || count.everyExecutionSampled;
    }

    /** The entry of a data source or driver object the application gets connections from. */
    public ConnectionSource source(Object dataSourceOrDriver, CaptureContext context) {
        return sources.of(dataSourceOrDriver, context);
    }

    /**
     * The call site of a checkout that waited {@code waitNanos}, or {@code null} when not sampled:
     * this capture's first checkouts, then one in N by the thread's count ({@code context}; see
     * {@link CallSiteSampler#sampleByThread}). A count per pool would be a field every thread of a
     * busy pool writes on every checkout, a cache line bouncing between cores.
     */
    public CallSite checkoutCallSite(long waitNanos, CaptureContext context) {
        return checkoutSampler.sampleByThread(context.checkouts++, waitNanos);
    }

    /**
     * Tells the advisor, once per source, what database it talks to and how the probe may connect
     * to it. Runs on the first checkout's thread: a few metadata calls, once per source.
     */
    public void identifyOnce(ConnectionSource source, Connection connection) {
        if (!source.claimIdentification()) {
            return;
        }
        try {
            DatabaseMetaData md = connection.getMetaData();
            String url = md.getURL();
            DatabaseConnector connector = source.connector() != null ? source.connector() : DriverConnections.forUrl(url);
            if (connector != null) {
                connector = connector.inSchema(source.schema());
            }
            emit(new DatabaseIdentified(source.name(), md.getDatabaseProductName() + " " + md.getDatabaseProductVersion(),
                    md.getDriverName() + " " + md.getDriverVersion(), JdbcUrls.withoutSecrets(url), System.nanoTime(),
                    connector));
        } catch (SQLException | RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("metadata", "could not read the database's name from " + source.name(), e);
        }
    }
}
