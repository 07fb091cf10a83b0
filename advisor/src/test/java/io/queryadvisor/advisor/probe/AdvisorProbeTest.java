package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;

/** The probe inside a real advisor: its answers reach listeners as events, on the consumer thread. */
class AdvisorProbeTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final String SQL = "SELECT * FROM items WHERE id = ?";
    private static PostgresFixture db;

    private final BlockingQueue<CaptureEvent> seen = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private Advisor advisor;

    @BeforeAll
    static void schema() throws SQLException {
        db = new PostgresFixture(AdvisorProbeTest.class);
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
    }

    @AfterEach
    void close() {
        if (advisor != null) {
            advisor.close();
        }
    }

    private Advisor start(Map<String, String> settings) {
        advisor = Advisor.start(AdvisorConfig.from(Settings.fromStrings(settings, "test")), List.of(event -> {
            if (event instanceof ProbeCompleted || event instanceof DatabaseIdentified) {
                seen.add(event);
                threads.add(Thread.currentThread().getName());
            }
        }));
        return advisor;
    }

    private RecordingConnector identify() {
        RecordingConnector connector = db.connector();
        advisor.buffer().offer(new DatabaseIdentified("pool", PostgresFixture.PRODUCT, "pgjdbc", "jdbc:postgresql:",
                System.nanoTime(), connector));
        assertThat(advisor.awaitIdle(GUARD)).isTrue(); // the probe has learned the source
        return connector;
    }

    @Test
    void answersArriveAsEventsOnTheConsumerThread() throws Exception {
        start(Map.of());
        identify();
        ExplainRequest request = ExplainRequest.withoutValues("test", "fp", "pool", SQL);

        assertThat(advisor.probe().submit(request)).isTrue();

        assertThat(seen.poll(GUARD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(DatabaseIdentified.class);
        CaptureEvent answer = seen.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer).isInstanceOfSatisfying(ProbeCompleted.class, done -> {
            assertThat(done.request()).isSameAs(request);
            assertThat(done.result()).isInstanceOf(ExplainResult.class);
        });
        assertThat(threads).containsOnly("query-advisor-consumer");
    }

    @Test
    void keepsSampledBindValuesForTheProbe() {
        start(Map.of());
        advisor.buffer().offer(execution(SQL, new Object[] {42}));

        assertThat(advisor.awaitIdle(GUARD)).isTrue();

        String fingerprint = new Fingerprinter().fingerprint(SQL).id();
        assertThat(advisor.probe().bindSamples(fingerprint)).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly(42));
    }

    @Test
    void keepsNoBindValuesWhenTurnedOff() {
        start(Map.of("advisor.bindSamples.enabled", "false"));
        advisor.buffer().offer(execution(SQL, new Object[] {42}));

        assertThat(advisor.awaitIdle(GUARD)).isTrue();

        assertThat(advisor.probe().bindSamples(new Fingerprinter().fingerprint(SQL).id())).isEmpty();
        assertThat(advisor.probe().enabled()).isTrue();
    }

    @Test
    void isOffWhenDisabled() {
        start(Map.of("probe.enabled", "false", "probe.statementTimeout", "5s"));
        RecordingConnector connector = identify();

        assertThat(advisor.probe().enabled()).isFalse();
        assertThat(advisor.probe().submit(ExplainRequest.withoutValues("test", "fp", "pool", SQL))).isFalse();
        assertThat(connector.serverIds).isEmpty();
    }

    @Test
    void stopsItsThreadWhenTheAdvisorCloses() throws Exception {
        start(Map.of());
        identify();
        ExplainRequest request = ExplainRequest.withoutValues("test", "fp", "pool", SQL);
        advisor.probe().submit(request);
        seen.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen.poll(GUARD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ProbeCompleted.class);

        advisor.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("query-advisor-probe") && t.isAlive());
    }

    private static StatementExecuted execution(String sql, Object[] binds) {
        return new StatementExecuted(sql, StatementKind.QUERY, 1, binds.length, 1L, System.nanoTime(), 1_000_000, 1,
                null, 1, 0, 1, "main", null, 0, List.of(), null, "pool", binds);
    }
}
