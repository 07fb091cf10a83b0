package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

/** Data sources are named once, found by identity, and never kept alive by capture. */
class ConnectionSourcesTest {

    private final ConnectionSources sources = new ConnectionSources((source, name) -> { });
    private final CaptureContext context = CaptureContext.current();

    @Test
    void aPoolIsNamedAfterItsPoolName() {
        assertThat(sources.of(new NamedPool("orders"), context).name()).isEqualTo("orders");
    }

    @Test
    void anyOtherSourceIsNamedAfterItsClass() {
        assertThat(sources.of(new Object(), context).name()).isEqualTo("java.lang.Object");
    }

    @Test
    void aHikariPoolConfiguredWithASchemaTellsTheProbeWhichOne() {
        try (HikariDataSource pool = new HikariDataSource()) { // not started: configured only
            pool.setSchema("shop");

            assertThat(sources.of(pool, context).schema()).isEqualTo("shop");
        }
    }

    @Test
    void anyOtherSourceHasNoSchema() {
        assertThat(sources.of(new NamedPool("orders"), context).schema()).isNull();
    }

    @Test
    void aSourceIsWorkedOutOnceAndFoundByIdentity() {
        NamedPool pool = new NamedPool("orders");
        ConnectionSource first = sources.of(pool, context);
        pool.name = "renamed";

        assertThat(sources.of(pool, context)).isSameAs(first);
        assertThat(pool.asked).isEqualTo(1);
        assertThat(sources.of(new NamedPool("orders"), context)).isNotSameAs(first);
    }

    @Test
    void aSourceTheApplicationDropsIsNotKeptAlive() {
        WeakReference<Object> dropped = new WeakReference<>(new NamedPool("dropped"));
        sources.of(dropped.get(), context);

        for (int gc = 0; gc < 50 && dropped.get() != null; gc++) {
            System.gc();
        }
        assertThat(dropped.get()).as("collected while known to capture").isNull();
    }

    @Test
    void theEntryOfACollectedSourceIsDropped() throws InterruptedException {
        sources.of(new NamedPool("dropped"), context);
        Object kept = new Object();
        sources.of(kept, context);

        // The collector clears the key, then the JDK's reference handler queues it: no latch to
        // wait on, so poll (bounded; the assertion below is about the outcome, not the time taken).
        for (int attempt = 0; attempt < 200 && sources.size() > 1; attempt++) {
            System.gc();
            Thread.sleep(10);
            sources.expungeCollected();
        }
        assertThat(sources.size()).isEqualTo(1);
        Reference.reachabilityFence(kept);
    }

    /** Has what HikariCP has: a pool name, read by reflection. */
    public static final class NamedPool {
        String name;
        int asked;

        NamedPool(String name) {
            this.name = name;
        }

        public String getPoolName() {
            asked++;
            return name;
        }
    }
}
