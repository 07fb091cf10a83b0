package io.queryadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.CredentialStatements;
import io.queryadvisor.advisor.report.Json;
import io.queryadvisor.advisor.report.ReportFormat;

/**
 * The credential corpus run through a real advisor: no secret reaches what anyone reads of it,
 * the dashboard's JSON, the findings, the reports in every format, or the slow-query log.
 */
class SecretsStayOutOfOutputsTest {

    private static final long SLOW_NANOS = Duration.ofMillis(500).toNanos();

    private final List<String> slowQueryLog = new CopyOnWriteArrayList<>();
    private final Logger slowQueryLogger = Logger.getLogger("io.queryadvisor.slow");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            slowQueryLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parentHandlers;
    private Advisor advisor;

    @BeforeEach
    void start() {
        parentHandlers = slowQueryLogger.getUseParentHandlers();
        slowQueryLogger.setUseParentHandlers(false);
        slowQueryLogger.addHandler(capture);
        advisor = Advisor.start(AdvisorConfig.from(Settings.fromStrings(Map.of(
                "rules.slow-query.threshold", "100ms",
                "rules.slow-query.includeDdl", "true",
                "rules.slow-query.logTo", "jul",
                "rules.slow-query.logLimitPerSecond", "100000"), "test")));
    }

    @AfterEach
    void stop() {
        advisor.close();
        slowQueryLogger.removeHandler(capture);
        slowQueryLogger.setUseParentHandlers(parentHandlers);
    }

    @Test
    void noSecretReachesTheApiTheReportsOrTheSlowQueryLog() throws IOException {
        List<CredentialStatements.Statement> statements = CredentialStatements.load();
        feed(statements);

        String queries = Json.mapper().writeValueAsString(advisor.snapshot());
        String recommendations = Json.mapper().writeValueAsString(advisor.recommendations());

        assertThat(advisor.snapshot().queries()).as("every statement was fingerprinted").isNotEmpty();
        assertThat(advisor.recommendations()).as("every statement is slow, so each has a finding")
                .hasSizeGreaterThanOrEqualTo(advisor.snapshot().queries().size());
        assertThat(slowQueryLog).as("one log line per slow statement").hasSize(statements.size());
        assertNoSecret("/api/queries", queries);
        assertNoSecret("/api/recommendations", recommendations);
        for (ReportFormat format : ReportFormat.values()) {
            assertNoSecret(format + " report", render(format));
        }
        for (String line : slowQueryLog) {
            assertNoSecret("slow-query log line", line);
        }
    }

    /** Each statement once, slow, from a pool of its dialect's database. */
    private void feed(List<CredentialStatements.Statement> statements) {
        long clock = System.nanoTime();
        for (Dialect dialect : Dialect.values()) {
            offer(new DatabaseIdentified(source(dialect), product(dialect), "driver", "jdbc:test", clock));
        }
        for (CredentialStatements.Statement s : statements) {
            clock += SLOW_NANOS;
            offer(new StatementExecuted(s.sql(), StatementKind.UPDATE, 1, 0, 0, clock, SLOW_NANOS, 1, null, 1, 0, 1,
                    "main", null, 0, List.of(), null, source(s.dialect()), null));
        }
        assertThat(advisor.awaitIdle(Duration.ofSeconds(30))).as("advisor processed the corpus").isTrue();
    }

    private void offer(io.queryadvisor.advisor.capture.CaptureEvent event) {
        assertThat(advisor.buffer().offer(event)).as("capture buffer has room").isTrue();
    }

    private static String source(Dialect dialect) {
        return "pool-" + dialect;
    }

    private static String product(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "PostgreSQL 16.2";
            case MYSQL -> "MariaDB 10.11.6";
            case H2 -> "H2 2.3.232";
            case OTHER -> "Oracle Database 23ai";
        };
    }

    private String render(ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(advisor.report(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertNoSecret(String where, String text) {
        assertThat(text).as(where).doesNotContainIgnoringCase(CredentialStatements.SECRET_MARK);
    }
}
