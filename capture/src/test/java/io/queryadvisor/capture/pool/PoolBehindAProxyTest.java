package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.infra.ForwardingDataSource;
import com.example.pools.ConnectionHolders;

import io.queryadvisor.advisor.pool.PoolView;

/** A HikariCP pool the application captures behind its own proxy data source, without the agent. */
class PoolBehindAProxyTest {

    @Test
    void aProxyThatUnwrapsToThePoolIsThePoolsCheckoutsAndThePoolIsSampled() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), 2, Duration.ofSeconds(30)).awaitFull()) {
            new ConnectionHolders(qa.queryAdvisor.capture(new ForwardingDataSource(qa.pool))).queryBriefly();

            PoolView pool = qa.awaitPool(p -> p.sampled() && p.acquire().count() == 1, "the checkout and a sample");
            assertThat(pool.settings().maximumPoolSize()).isEqualTo(2);
            assertThat(qa.queryAdvisor.advisor().pools().pools()).extracting(PoolView::name)
                    .containsExactly(qa.poolName);
        }
    }

    @Test
    void aProxyInFrontOfWhatIsNoPoolHasNoPoolBehindIt() {
        ForwardingDataSource proxy = new ForwardingDataSource(new org.h2.jdbcx.JdbcDataSource());

        assertThat(PoolSampler.poolBehind(proxy)).isSameAs(proxy);
    }
}
