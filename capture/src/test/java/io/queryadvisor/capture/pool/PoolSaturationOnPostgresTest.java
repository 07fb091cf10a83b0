package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.example.pools.ConnectionHolders;

import io.queryadvisor.advisor.pool.CallSiteUsage;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.SourceLines;

/** A pool too small for the threads that want it, through HikariCP on PostgreSQL. */
class PoolSaturationOnPostgresTest {

    private static final int POOL_SIZE = 2;
    private static final int THREADS = 6;

    @Test
    void sixThreadsHoldingConnectionsOfAPoolOfTwoMakeFourWaitAndAPoolSaturationFinding() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), POOL_SIZE, Duration.ofSeconds(120)).awaitFull()) {
            ConnectionHolders holders = new ConnectionHolders(qa.dataSource);
            CountDownLatch got = new CountDownLatch(THREADS);
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(() -> {
                    try {
                        holders.holdUntil(got, release);
                    } catch (SQLException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, "holder-" + i);
                t.start();
                threads.add(t);
            }
            PooledAdvisor.await(() -> qa.pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == THREADS - POOL_SIZE,
                    "four threads waiting in the pool");
            PoolView saturated = qa.awaitPool(p -> p.maxWaiting() == THREADS - POOL_SIZE, "the sampler to see them");
            release.countDown();
            for (Thread t : threads) {
                t.join(PooledAdvisor.DEADLINE.toMillis());
            }
            qa.awaitIdle();

            assertThat(saturated.settings().maximumPoolSize()).isEqualTo(POOL_SIZE);
            Recommendation finding = qa.awaitFinding("pool-saturation");
            assertThat(finding.id()).isEqualTo("pool-saturation:" + qa.poolName);
            assertThat(finding.evidence()).containsEntry("maxThreadsWaiting", 4L).containsEntry("acquisitions", 6L)
                    .containsEntry("maximumPoolSize", 2L).containsEntry("maxActive", 2L);
            assertThat((String) finding.evidence().get("longestHolders"))
                    .startsWith(SourceLines.callSite(ConnectionHolders.class, "holdUntil", "// holds until released"));
        }
    }

    @Test
    void anAcquisitionTimeoutIsCountedWithItsCallSite() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), 1, Duration.ofMillis(250)).awaitFull()) {
            ConnectionHolders holders = new ConnectionHolders(qa.dataSource);
            CountDownLatch got = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try {
                    holders.holdUntil(got, release);
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            holder.start();
            got.await();
            SQLException thrown = holders.failToAcquire();
            release.countDown();
            holder.join(PooledAdvisor.DEADLINE.toMillis());
            qa.awaitIdle();

            assertThat((Throwable) thrown).isInstanceOf(SQLTransientConnectionException.class);
            Recommendation finding = qa.awaitFinding("pool-saturation");
            assertThat(finding.evidence()).containsEntry("acquireTimeouts", 1L);
            List<CallSiteUsage> sites = qa.queryAdvisor.advisor().pools().pool(qa.poolName).callSites();
            CallSiteUsage timedOut = sites.stream().filter(site -> site.timeouts() > 0).findFirst().orElseThrow();
            assertThat(timedOut.where()).isEqualTo(
                    SourceLines.callSite(ConnectionHolders.class, "failToAcquire", "// times out"));
            assertThat(timedOut.timeouts()).isEqualTo(1);
        }
    }
}
