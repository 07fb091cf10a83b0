package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.pools.ConnectionHolders;

import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;

/** A pool sized for its load, used well, through HikariCP on PostgreSQL: nothing to say. */
class WellSizedPoolOnPostgresTest {

    private static final Set<String> POOL_RULES = Set.of("pool-saturation", "pool-oversized", "connection-leak",
            "long-held-connection", "missing-timeout");
    private static final int THREADS = 2;
    private static final int CHECKOUTS_EACH = 100;

    @Test
    void aWellSizedPoolUnderSteadyLoadYieldsNoPoolFinding() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), THREADS, Duration.ofSeconds(10)).awaitFull()) {
            ConnectionHolders holders = new ConnectionHolders(qa.dataSource);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(() -> {
                    try {
                        for (int n = 0; n < CHECKOUTS_EACH; n++) {
                            holders.queryBriefly();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(PooledAdvisor.DEADLINE.toMillis());
            }
            qa.awaitPool(p -> p.secondsSampled() > 0 && p.hold().count() == THREADS * CHECKOUTS_EACH,
                    "the pool sampled and every checkout counted");
            qa.awaitIdle();
            PoolView pool = qa.queryAdvisor.advisor().pools().pool(qa.poolName);

            assertThat(pool.maxWaiting()).isZero();
            assertThat(pool.statements()).isEqualTo(THREADS * CHECKOUTS_EACH);
            List<Recommendation> poolFindings = qa.findings().stream().filter(r -> POOL_RULES.contains(r.rule())).toList();
            assertThat(poolFindings).isEmpty();
        }
    }
}
