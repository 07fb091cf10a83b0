package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;

/** {@code GET /api/pools}: every pool or data source, as the advisor last published it. */
class PoolsApiTest {

    private final RunningDashboard dashboard = new RunningDashboard();

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void listsEachDataSourceWithItsAcquireAndHoldTimesAndTheAcquiringCallSite() {
        long now = System.nanoTime();
        CallSite site = new CallSite("com.shop.OrderDao", "find", "OrderDao.java", 12);
        dashboard.advisor.buffer().offer(new ConnectionAcquired(1, "orders-pool", now, 2_000_000, 1, "main", site, null));
        dashboard.advisor.buffer().offer(new ConnectionReleased(1, now, 30_000_000, 2, 4_000_000));
        dashboard.processed();

        JsonNode pools = dashboard.getJson("/api/pools");

        JsonNode pool = pools.get("pools").get(0);
        assertThat(pool.get("name").asText()).isEqualTo("orders-pool");
        assertThat(pool.get("acquire").get("count").asLong()).isEqualTo(1);
        assertThat(pool.get("hold").get("maxMillis").asDouble()).isBetween(29.0, 31.0);
        assertThat(pool.get("callSites").get(0).get("where").asText()).isEqualTo(site.toString());
        assertThat(pools.get("thresholds").get("leakMillis").asDouble()).isEqualTo(30_000);
    }
}
