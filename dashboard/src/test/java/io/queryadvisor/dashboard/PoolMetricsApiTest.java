package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.dashboard.metrics.PoolMetrics;
import io.queryadvisor.dashboard.metrics.PoolSnapshot;
import io.queryadvisor.dashboard.metrics.PrometheusText;

/** {@code GET /metrics} exports the pools it is given under Spring Boot Actuator's HikariCP names. */
class PoolMetricsApiTest {

    private static final PoolSnapshot.ConnectionTimings TIMINGS =
            new PoolSnapshot.ConnectionTimings(4, 8_000_000, 3, 30_000_000, 1);

    private final List<PoolSnapshot> pools = new CopyOnWriteArrayList<>();
    private final RunningDashboard dashboard = new RunningDashboard(() -> List.copyOf(pools));

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void exportsEachPoolsConnectionsTaggedWithItsName() {
        pools.add(new PoolSnapshot("HikariPool-1", 3, 2, 1, 5, 10, 2, TIMINGS));

        MetricsApiTest.Metrics metrics = scrape();

        assertThat(metrics.value("hikaricp_connections", "pool", "HikariPool-1")).isEqualTo(5);
        assertThat(metrics.value("hikaricp_connections_active", "pool", "HikariPool-1")).isEqualTo(3);
        assertThat(metrics.value("hikaricp_connections_idle", "pool", "HikariPool-1")).isEqualTo(2);
        assertThat(metrics.value("hikaricp_connections_pending", "pool", "HikariPool-1")).isEqualTo(1);
        assertThat(metrics.value("hikaricp_connections_max", "pool", "HikariPool-1")).isEqualTo(10);
        assertThat(metrics.value("hikaricp_connections_min", "pool", "HikariPool-1")).isEqualTo(2);
    }

    @Test
    void exportsAcquireAndUsageTimesAndTimeouts() {
        pools.add(new PoolSnapshot("HikariPool-1", 3, 2, 1, 5, 10, 2, TIMINGS));

        MetricsApiTest.Metrics metrics = scrape();

        assertThat(metrics.value("hikaricp_connections_acquire_seconds_count", "pool", "HikariPool-1")).isEqualTo(4);
        assertThat(metrics.value("hikaricp_connections_acquire_seconds_sum", "pool", "HikariPool-1")).isEqualTo(0.008);
        assertThat(metrics.value("hikaricp_connections_usage_seconds_count", "pool", "HikariPool-1")).isEqualTo(3);
        assertThat(metrics.value("hikaricp_connections_usage_seconds_sum", "pool", "HikariPool-1")).isEqualTo(0.03);
        assertThat(metrics.value("hikaricp_connections_timeout_total", "pool", "HikariPool-1")).isEqualTo(1);
    }

    @Test
    void readsThePoolsAgainOnEveryScrape() {
        pools.add(new PoolSnapshot("HikariPool-1", 1, 4, 0, 5, 10, 2));
        scrape();
        pools.set(0, new PoolSnapshot("HikariPool-1", 5, 0, 7, 5, 10, 2));

        assertThat(scrape().value("hikaricp_connections_pending", "pool", "HikariPool-1")).isEqualTo(7);
    }

    @Test
    void dropsThePoolsNoLongerListed() {
        pools.add(new PoolSnapshot("orders", 1, 1, 0, 2, 10, 2));
        pools.add(new PoolSnapshot("reports", 1, 1, 0, 2, 4, 1));
        scrape();
        pools.remove(1);

        assertThat(scrape().series()).anyMatch(s -> s.contains("pool=orders"))
                .noneMatch(s -> s.contains("pool=reports"));
    }

    @Test
    void exportsAtMostSixtyFourPoolsAndCountsTheRest() {
        List<PoolSnapshot> many = new ArrayList<>();
        for (int i = 0; i < PoolMetrics.MAX_POOLS + 6; i++) {
            many.add(new PoolSnapshot("pool-" + i, 0, 1, 0, 1, 1, 1));
        }
        pools.addAll(many);

        MetricsApiTest.Metrics metrics = scrape();

        assertThat(metrics.family("hikaricp_connections_active").samples()).hasSize(PoolMetrics.MAX_POOLS);
        assertThat(metrics.value("queryadvisor_pools_unexported")).isEqualTo(6);
    }

    private MetricsApiTest.Metrics scrape() {
        return new MetricsApiTest.Metrics(PrometheusText.parse(dashboard.get("/metrics").body()));
    }
}
