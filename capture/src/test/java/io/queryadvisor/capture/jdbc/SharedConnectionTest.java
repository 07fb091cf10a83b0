package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;

/** A connection several threads share, and one that is never rid of its statements. */
class SharedConnectionTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20_000;

    private final CaptureBuffer buffer = new CaptureBuffer(1024);
    private final Capture capture = new Capture(buffer, CaptureConfig.defaults());
    private final StubJdbc driver = new StubJdbc();
    private final CapturingConnection connection = (CapturingConnection) Checkouts.checkedOut(capture,
            new ConnectionSource("stub", null), driver.connection, System.nanoTime());
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void eightThreadsOpeningAndClosingStatementsOnOneConnectionNeverFail() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Void>> done = onEveryThread(() -> {
            start.await();
            openAndClose(connection, ROUNDS);
            return null;
        });
        for (Future<Void> thread : done) {
            thread.get(); // throws what the thread threw
        }

        assertThat(connection.trackedStatements()).isZero();
        connection.close();
        assertThat(driver.closes).hasValue(1);
    }

    @Test
    void closingWhileOtherThreadsOpenStatementsReleasesOnceAndClosesTheDriversConnection() throws Exception {
        CyclicBarrier started = new CyclicBarrier(THREADS + 1);
        List<Future<Void>> done = onEveryThread(() -> {
            openAndClose(connection, 100);
            started.await();
            openAndClose(connection, ROUNDS);
            return null;
        });
        started.await();
        connection.close();
        for (Future<Void> thread : done) {
            thread.get();
        }

        assertThat(driver.closes).hasValue(1);
        assertThat(releases()).isEqualTo(1);
    }

    @Test
    void closingTwiceReleasesOnce() throws Exception {
        connection.close();
        connection.close();

        assertThat(releases()).isEqualTo(1);
    }

    @Test
    void aStatementClosedTwiceStopsBeingTrackedOnce() throws Exception {
        Statement kept = connection.createStatement();
        Statement closedTwice = connection.createStatement();
        closedTwice.close();
        closedTwice.close();

        assertThat(connection.trackedStatements()).isEqualTo(1);
        kept.close();
        assertThat(connection.trackedStatements()).isZero();
    }

    @Test
    void statementsNeverClosedAreTrackedOnlyUpToTheBound() throws Exception {
        int leaked = 100_000;
        for (int i = 0; i < leaked; i++) {
            connection.createStatement();
        }

        int bound = OpenStatements.MAX_TRACKED + 1; // the chunks, and the checkout thread's own slot
        assertThat(connection.trackedStatements()).isEqualTo(bound);
        assertThat(connection.untrackedStatements()).isEqualTo(leaked - bound);
    }

    @Test
    void aStatementOfTheCheckoutThreadClosedByAnotherThreadStopsBeingTracked() throws Exception {
        Statement statement = connection.createStatement();
        threads.submit(() -> {
            statement.close();
            return null;
        }).get();

        assertThat(connection.trackedStatements()).isZero();
        Statement next = connection.createStatement();
        assertThat(connection.trackedStatements()).isEqualTo(1);
        next.close();
        assertThat(connection.trackedStatements()).isZero();
    }

    private List<Future<Void>> onEveryThread(Callable<Void> work) {
        List<Future<Void>> done = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            done.add(threads.submit(work));
        }
        return done;
    }

    private static void openAndClose(Connection connection, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            Statement plain = connection.createStatement();
            PreparedStatement prepared = connection.prepareStatement("SELECT ?");
            prepared.close();
            plain.close();
        }
    }

    private long releases() {
        List<Object> events = new ArrayList<>();
        buffer.drain(events::add, 10_000);
        return events.stream().filter(ConnectionReleased.class::isInstance).count();
    }
}
