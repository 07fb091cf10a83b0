package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;

import org.apache.commons.dbcp2.BasicDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

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
    void readsADbcp2PoolsGaugesAndSettingsWithoutAWaitingCount() throws Exception {
        TestSchema schema = TestDatabase.shared().freshSchema(getClass());
        try (BasicDataSource pool = new BasicDataSource()) {
            pool.setUrl(schema.jdbcUrl());
            pool.setUsername(schema.user());
            pool.setPassword(schema.password());
            pool.setMaxTotal(4);
            pool.setMinIdle(1);
            pool.setMaxWait(Duration.ofSeconds(7));
            pool.setMaxConn(Duration.ofMinutes(30));
            try (Connection held = pool.getConnection(); Connection returned = pool.getConnection()) {
                returned.close();
                sampler.watch(pool, "dbcp2");
                sampler.sampleOnce();
            }

            PoolSampled sample = (PoolSampled) sampled.get(sampled.size() - 1);
            assertThat(sample.pool()).isEqualTo("dbcp2");
            assertThat(sample.active()).isEqualTo(1);
            assertThat(sample.idle()).isEqualTo(1);
            assertThat(sample.total()).isEqualTo(2);
            assertThat(sample.waiting()).as("DBCP2 does not say how many wait").isEqualTo(-1);
            assertThat(sample.settings().maximumPoolSize()).isEqualTo(4);
            assertThat(sample.settings().minimumIdle()).isEqualTo(1);
            assertThat(sample.settings().connectionTimeoutMillis()).isEqualTo(7_000);
            assertThat(sample.settings().maxLifetimeMillis()).isEqualTo(1_800_000);
        }
    }

    @Test
    void aDbcp2PoolThatWaitsForEverHasNoConnectionTimeout() throws Exception {
        try (BasicDataSource pool = new BasicDataSource()) {
            pool.setMaxWait(Duration.ofMillis(-1));
            sampler.watch(pool, "dbcp2");
            sampler.sampleOnce();

            assertThat(((PoolSampled) sampled.get(0)).settings().connectionTimeoutMillis()).isZero();
        }
    }

    @Test
    void watchesAPoolOnceHoweverOftenItIsShown() {
        try (HikariDataSource pool = new HikariDataSource()) {
            sampler.watch(pool, "orders");
            sampler.watch(pool, "orders");

            assertThat(sampler.watched()).isEqualTo(1);
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
