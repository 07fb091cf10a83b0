package io.queryadvisor.advisor.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.rules.testing.PoolScript;

/** Pool usage as the advisor aggregates it from checkouts and pool samples. */
class PoolUsageTest {

    private static final PoolSettings TEN = new PoolSettings(10, 10, 30_000, 1_800_000, 600_000, 0);
    private static final CallSite DAO = new CallSite("com.shop.OrderDao", "find", "OrderDao.java", 12);
    private static final CallSite REPORT = new CallSite("com.shop.Report", "run", "Report.java", 40);

    private final PoolScript script = new PoolScript();

    private PoolView pool() {
        return script.usage().snapshot().pool(PoolScript.POOL);
    }

    @Test
    void keepsOnePointASecondForFifteenMinutesAtMost() {
        script.seconds(901, () -> script.sample(1, 9, 0, TEN));

        assertThat(pool().series()).hasSize(900);
        assertThat(pool().latest().total()).isEqualTo(10);
        assertThat(pool().secondsSampled()).isEqualTo(901);
    }

    @Test
    void measuresAcquireAndHoldTimesByAcquiringCallSite() {
        script.acquire(1, 5, DAO, null).release(1, 20, 10)
                .acquire(2, 300, REPORT, null).release(2, 4_000, 100);

        PoolView pool = pool();
        assertThat(pool.acquire().count()).isEqualTo(2);
        assertThat(pool.acquire().maxMillis()).isCloseTo(300.0, withinPercentage(1));
        assertThat(pool.hold().maxMillis()).isCloseTo(4_000.0, withinPercentage(1));
        assertThat(pool.callSites()).first().satisfies(site -> {
            assertThat(site.where()).isEqualTo(REPORT.toString());
            assertThat(site.acquisitions()).isEqualTo(1);
        });
    }

    @Test
    void aCallSitesFiguresFollowCheckoutsMadeAfterTheyWereLastRead() {
        script.acquire(1, 5, DAO, null).release(1, 20, 10);
        assertThat(pool().callSites()).first().satisfies(site -> assertThat(site.acquisitions()).isEqualTo(1));

        script.acquire(2, 5, DAO, null).release(2, 900, 10);

        assertThat(pool().callSites()).first().satisfies(site -> {
            assertThat(site.acquisitions()).isEqualTo(2);
            assertThat(site.holdMaxMillis()).isCloseTo(900.0, withinPercentage(1));
        });
    }

    @Test
    void countsTheConnectionsOutAtEachAcquisition() {
        script.acquire(1, 0, DAO, null).acquire(2, 0, DAO, null).acquire(3, 0, DAO, null)
                .release(3, 1, 1).release(2, 1, 1).release(1, 1, 1);

        assertThat(pool().concurrent().max()).isEqualTo(3);
    }

    @Test
    void countsTheTransactionsOfEachRequest() {
        RequestInfo request = new RequestInfo(7, "GET /orders");
        script.acquire(1, 0, DAO, request).commit(1).commit(1).commit(1).release(1, 5, 3).requestEnds(request);

        assertThat(pool().transactionsPerRequest().max()).isEqualTo(3);
        assertThat(pool().endpoints()).first().satisfies(e -> assertThat(e.where()).isEqualTo("GET /orders"));
    }

    @Test
    void namesTheLongestHoldersOpenOnesIncluded() {
        script.acquire(1, 0, DAO, null).release(1, 50, 1).acquire(2, 0, REPORT, null);

        assertThat(pool().longestHolders()).extracting(Holder::callSite, Holder::open)
                .contains(tuple(REPORT.toString(), true),
                        tuple(DAO.toString(), false));
    }

    @Test
    void recordsTheMostThreadsSeenWaitingAndWhen() {
        script.seconds(3, () -> script.sample(10, 0, 0, TEN)).sample(10, 0, 4, TEN).seconds(2);

        assertThat(pool().maxWaiting()).isEqualTo(4);
        assertThat(pool().secondsWithWaiting()).isEqualTo(1);
        assertThat(pool().maxWaitingAtEpochMillis()).isPositive();
    }
}
