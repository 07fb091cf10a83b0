package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.PoolSampled;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.dashboard.metrics.PrometheusText;

/** As the agent starts it, {@code GET /metrics} exports the pools the advisor samples, and only those. */
class AdvisorPoolMetricsTest {

    private final RunningDashboard dashboard = RunningDashboard.withTheAdvisorsPools();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void exportsASampledPoolsGaugesSettingsAndCheckoutTimes() {
        long now = System.nanoTime();
        dashboard.advisor.buffer().offer(new PoolSampled("orders-pool", 5, 3, 2, 1,
                new PoolSettings(10, 2, 30_000, 1_800_000, 600_000, 0), now));
        dashboard.advisor.buffer().offer(new ConnectionAcquired(1, "orders-pool", now, 2_000_000, 1, "main",
                new CallSite("com.shop.OrderDao", "find", "OrderDao.java", 12), null));
        dashboard.advisor.buffer().offer(new ConnectionReleased(1, now, 30_000_000, 2, 4_000_000));
        // the second closes: its point becomes the pool's latest
        dashboard.advisor.buffer().offer(new Tick(now + 1_000_000_000L, System.currentTimeMillis() + 1_000));
        dashboard.processed();

        MetricsApiTest.Metrics metrics = scrape();

        assertThat(metrics.value("hikaricp_connections", "pool", "orders-pool")).isEqualTo(5);
        assertThat(metrics.value("hikaricp_connections_active", "pool", "orders-pool")).isEqualTo(3);
        assertThat(metrics.value("hikaricp_connections_pending", "pool", "orders-pool")).isEqualTo(1);
        assertThat(metrics.value("hikaricp_connections_max", "pool", "orders-pool")).isEqualTo(10);
        assertThat(metrics.value("hikaricp_connections_acquire_seconds_count", "pool", "orders-pool")).isEqualTo(1);
        assertThat(metrics.value("hikaricp_connections_usage_seconds_count", "pool", "orders-pool")).isEqualTo(1);
    }

    @Test
    void aDataSourceWithoutGaugesOfItsOwnIsNotExportedAsAPool() {
        long now = System.nanoTime();
        dashboard.advisor.buffer().offer(new ConnectionAcquired(1, "plain-source", now, 0, 1, "main", null, null));
        dashboard.advisor.buffer().offer(new ConnectionReleased(1, now, 1_000_000, 1, 500_000));
        dashboard.processed();

        assertThat(scrape().series()).noneMatch(s -> s.contains("pool=plain-source"));
    }

    private MetricsApiTest.Metrics scrape() {
        return new MetricsApiTest.Metrics(PrometheusText.parse(dashboard.get("/metrics").body()));
    }
}
