package io.queryadvisor.benchmarks;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.benchmarks.stub.StubPool;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.CaptureContext;

/**
 * One variant set up for measuring: the pool over the stub driver, whatever the variant puts in
 * front of it, and for Query Advisor the thread that consumes the captured events.
 */
public final class Rig implements AutoCloseable {

    private final HikariDataSource pool;
    private final Deque<AutoCloseable> stops = new ArrayDeque<>();
    private final ConnectionSource source;
    private CaptureBuffer buffer;

    private Rig(Variant variant) {
        this.pool = StubPool.start("benchmark-" + variant.name().toLowerCase(Locale.ROOT));
        this.source = variant.over(pool, this);
    }

    public static Rig start(Variant variant) {
        return new Rig(variant);
    }

    public ConnectionSource source() {
        return source;
    }

    /** Events the capture layer dropped because its buffer was full; 0 without capture. */
    public long eventsDropped() {
        return buffer == null ? 0 : buffer.dropped();
    }

    /** Query Advisor in front of {@code pool}, its events consumed by a real advisor (which fingerprints them). */
    ConnectionSource queryAdvisor(HikariDataSource pool, Settings captureSettings) {
        Advisor advisor = Advisor.start(AdvisorConfig.defaults());
        stops.push(advisor);
        return capturing(pool, advisor.buffer(), captureSettings);
    }

    /** Query Advisor in front of {@code pool}, its events thrown away by a consumer that always keeps up. */
    ConnectionSource queryAdvisorDiscarding(HikariDataSource pool, Settings captureSettings) {
        CaptureBuffer events = new CaptureBuffer(AdvisorConfig.defaults().bufferCapacity());
        DiscardingConsumer consumer = DiscardingConsumer.start(events);
        stops.push(consumer);
        return capturing(pool, events, captureSettings);
    }

    /**
     * What {@code GetConnectionAdvice} inlines into {@code HikariDataSource#getConnection} under the
     * agent: {@link ConnectionWrapping#enter()} before the method, {@link ConnectionWrapping#exit}
     * after it, which hands the pool's connection to {@code Checkouts.checkedOut(capture, source,
     * connection, asked)}. The agent sanity check runs the real, inlined thing.
     */
    private ConnectionSource capturing(HikariDataSource pool, CaptureBuffer events, Settings captureSettings) {
        buffer = events;
        ConnectionWrapping.install(new Capture(events, CaptureConfig.from(captureSettings)));
        stops.push(() -> ConnectionWrapping.install(null));
        return () -> {
            CaptureContext context = ConnectionWrapping.enter();
            Connection connection = pool.getConnection();
            return ConnectionWrapping.exit(pool, connection, context);
        };
    }

    @Override
    public void close() throws Exception {
        while (!stops.isEmpty()) {
            stops.pop().close();
        }
        pool.close();
    }
}
