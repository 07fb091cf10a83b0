package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.PoolSampled;

/** The pool sampler reads pools through their own getters, and never keeps one alive. */
class PoolSamplerTest {

    private final List<CaptureEvent> sampled = new CopyOnWriteArrayList<>();
    private final PoolSampler sampler = new PoolSampler(sampled::add);

    @AfterEach
    void stop() {
        sampler.stop();
    }

    @Test
    void readsAHikariPoolsGaugesAndSettings() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), 3, Duration.ofSeconds(7)).awaitFull()) {
            sampler.watch(qa.pool, "orders");
            sampler.sampleOnce();

            PoolSampled sample = (PoolSampled) sampled.get(sampled.size() - 1);
            assertThat(sample.pool()).isEqualTo("orders");
            assertThat(sample.total()).isEqualTo(3);
            assertThat(sample.active()).isZero();
            assertThat(sample.idle()).isEqualTo(3);
            assertThat(sample.waiting()).isZero();
            assertThat(sample.settings().maximumPoolSize()).isEqualTo(3);
            assertThat(sample.settings().connectionTimeoutMillis()).isEqualTo(7_000);
        }
    }

    @Test
    void watchesOnlyPoolsItCanRead() {
        sampler.watch(new Object(), "not a pool");

        assertThat(sampler.watched()).isZero();
    }

    @Test
    void aPoolTheApplicationDropsIsNotKeptAliveAndIsForgotten() throws InterruptedException {
        WeakReference<HikariDataSource> dropped = new WeakReference<>(new HikariDataSource());
        sampler.watch(dropped.get(), "dropped");
        assertThat(sampler.watched()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dropped.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        sampler.sampleOnce();

        assertThat(dropped.get()).isNull();
        assertThat(sampler.watched()).isZero();
    }
}
