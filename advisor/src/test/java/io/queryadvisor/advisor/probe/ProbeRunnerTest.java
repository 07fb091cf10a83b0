package io.queryadvisor.advisor.probe;

import static io.queryadvisor.advisor.probe.ProbeHarness.explain;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/** The runner itself: its queue bound, its thread, and what it answers without asking any database. */
class ProbeRunnerTest {

    private static final long GUARD_SECONDS = 60;
    private ProbeHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A connector that blocks the probe's thread in {@code open()} until released, then fails. */
    private static final class BlockingConnector implements DatabaseConnector {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger opens = new AtomicInteger();

        @Override
        public Connection open() throws SQLException {
            opens.incrementAndGet();
            entered.countDown();
            try {
                release.await(GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("no database in this test", "08001");
        }
    }

    @Test
    void dropsAndCountsRequestsBeyondTheQueueBound() throws Exception {
        BlockingConnector connector = new BlockingConnector();
        harness = new ProbeHarness(ProbeHarness.config("probe.queueSize", "2")).identify(PostgresFixture.PRODUCT, connector);
        ExplainRequest busy = explain("SELECT 1");
        assertThat(harness.probe.submit(busy)).isTrue();
        assertThat(connector.entered.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue(); // taken off the queue

        ExplainRequest second = explain("SELECT 2");
        ExplainRequest third = explain("SELECT 3");
        assertThat(harness.probe.submit(second)).isTrue();
        assertThat(harness.probe.submit(third)).isTrue();
        assertThat(harness.probe.submit(explain("SELECT 4"))).isFalse();

        assertThat(harness.probe.counters().dropped()).isEqualTo(1);
        connector.release.countDown();
        assertThat(harness.next(busy)).isInstanceOf(ProbeFailure.class);
        assertThat(harness.next(second)).isInstanceOf(ProbeFailure.class);
        assertThat(harness.next(third)).isInstanceOf(ProbeFailure.class);
        assertThat(harness.probe.counters().submitted()).isEqualTo(3);
    }

    @Test
    void reportsAConnectorThatFailsAndTriesAgainNextTime() throws Exception {
        BlockingConnector connector = new BlockingConnector();
        connector.release.countDown();
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, connector);

        ProbeFailure first = harness.failure(explain("SELECT 1"));
        harness.failure(explain("SELECT 1"));

        assertThat(first.kind()).isEqualTo(Kind.CONNECTION_FAILED);
        assertThat(connector.opens).hasValue(2);
    }

    @Test
    void neverConnectsToADatabaseItCannotAsk() throws Exception {
        BlockingConnector connector = new BlockingConnector();
        harness = new ProbeHarness().identify("H2 2.3.232", connector);

        ProbeFailure failure = harness.failure(explain("SELECT 1"));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_DATABASE);
        assertThat(connector.opens).hasValue(0);
    }

    @Test
    void saysWhenNoDatabaseWasIdentifiedForTheSource() throws Exception {
        harness = new ProbeHarness();

        assertThat(harness.failure(explain("SELECT 1")).kind()).isEqualTo(Kind.UNKNOWN_SOURCE);
    }

    @Test
    void saysWhenTheCaptureLayerGaveNoConnector() throws Exception {
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, null);

        assertThat(harness.failure(explain("SELECT 1")).kind()).isEqualTo(Kind.NO_CONNECTOR);
    }

    @Test
    void answersOnADaemonThreadOfItsOwn() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        String[] thread = new String[1];
        boolean[] daemon = new boolean[1];
        harness = new ProbeHarness().identify(PostgresFixture.PRODUCT, () -> {
            opens.incrementAndGet();
            thread[0] = Thread.currentThread().getName();
            daemon[0] = Thread.currentThread().isDaemon();
            throw new SQLException("no database in this test", "08001");
        });

        harness.failure(explain("SELECT 1"));

        assertThat(thread[0]).isEqualTo("query-advisor-probe");
        assertThat(daemon[0]).isTrue();
    }

    @Test
    void startsNoThreadUntilAsked() {
        harness = new ProbeHarness();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.getName().equals("query-advisor-probe") && t.isAlive());
    }
}
