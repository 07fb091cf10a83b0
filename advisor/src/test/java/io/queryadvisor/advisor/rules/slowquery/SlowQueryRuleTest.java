package io.queryadvisor.advisor.rules.slowquery;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;
import io.queryadvisor.advisor.stats.CallSiteCount;

class SlowQueryRuleTest {

    private static final Fingerprint ORDERS = fingerprint("SELECT * FROM orders WHERE customer_id = ?");
    private static final Fingerprint CUSTOMER = fingerprint("SELECT name FROM customers WHERE id = ?");
    private static final Fingerprint PRODUCTS = fingerprint("SELECT id, price FROM products WHERE id = ?");
    private static final CallSite ORDER_DAO = callSite("com.shop.OrderDao", "find", 42);
    private static final CallSite REPORT_JOB = callSite("com.shop.ReportJob", "run", 17);

    private static final Fingerprint CREATE_INDEX = new Fingerprint("ddl0000000000001",
            "CREATE INDEX orders_status ON orders (status)", StatementType.DDL, true, SqlFacts.NONE);

    private final List<String> logLines = new ArrayList<>();

    private RuleWorkload workload(String... settings) {
        return new RuleWorkload(new SlowQueryRule(settings(SlowQueryRule.ID, settings), logLines::add));
    }

    @Test
    void flagsAQueryWhoseSlowExecutionsAreARealShare() {
        Recommendation r = workload()
                .run(97, execution(ORDERS).millis(5))
                .run(2, execution(ORDERS).millis(150))
                .run(execution(ORDERS).millis(250).from(REPORT_JOB))
                .only();

        assertThat(r.rule()).isEqualTo("slow-query");
        assertThat(r.id()).isEqualTo("slow-query:" + ORDERS.id());
        assertThat(r.title()).isEqualTo("Slow query: 3 of 100 executions over 100 ms (slowest 250 ms)");
        assertThat(r.evidence()).containsEntry("slowExecutions", 3L)
                .containsEntry("slowestMillis", 250.0)
                .containsEntry("slowestCallSite", "com.shop.ReportJob.run(ReportJob.java:17)");
    }

    @Test
    void rejectsAnUnknownLogDestination() {
        assertThatThrownBy(() -> new SlowQueryRule(settings(SlowQueryRule.ID, "logTo", "syslog")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.slow-query.logTo");
    }

    @Test
    void appendsTheJsonLinesToAFileWhenToldTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/slow.jsonl");
        SlowQueryRule rule = new SlowQueryRule(settings(SlowQueryRule.ID, "logTo", "file:" + file));
        RuleWorkload toFile = new RuleWorkload(rule);

        toFile.run(2, execution(ORDERS).millis(250));

        assertThat(Files.readAllLines(file)).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"rule\":\"slow-query\""));
    }

    @Test
    void writesNothingToTheConsoleByDefault() {
        PrintStream console = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new RuleWorkload(new SlowQueryRule(settings(SlowQueryRule.ID))).run(3, execution(ORDERS).millis(250));
        } finally {
            System.setErr(console);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("slow-query");
    }

    @Test
    void theDefaultLoggerGetsTheLinesOnceTheApplicationTurnsItsDebugLevelOn() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(SlowQueryLog.LOGGER_NAME);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level level = logger.getLevel();
        logger.addHandler(handler);
        try {
            logger.setLevel(java.util.logging.Level.FINE); // what the platform logger's DEBUG is in JUL
            new RuleWorkload(new SlowQueryRule(settings(SlowQueryRule.ID))).run(2, execution(ORDERS).millis(250));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"rule\":\"slow-query\""));
    }

    @Test
    void ignoresSlowSchemaChangesByDefault() {
        assertThat(workload().run(execution(CREATE_INDEX).millis(900)).recommendations()).isEmpty();
        assertThat(logLines).isEmpty();
    }

    @Test
    void judgesSchemaChangesWhenAskedTo() {
        Recommendation r = workload("includeDdl", "true").run(execution(CREATE_INDEX).millis(900)).only();

        assertThat(r.fingerprintId()).isEqualTo(CREATE_INDEX.id());
    }

    @Test
    void flagsQueryWhoseP95IsAboveThreshold() {
        Recommendation r = workload().run(20, execution(ORDERS).millis(300)).only();

        assertThat(r.title()).isEqualTo("Slow query: p95 300 ms over 20 executions (threshold 100 ms)");
        assertThat(r.evidence()).containsEntry("slowExecutions", 20L).containsEntry("p95Millis", 300.0);
    }

    @Test
    void flagsQueryThatDominatesTheWorkload() {
        RuleWorkload workload = workload()
                .run(10, execution(ORDERS).millis(60))
                .run(10, execution(CUSTOMER).millis(5));

        Recommendation r = workload.only();

        assertThat(r.fingerprintId()).isEqualTo(ORDERS.id());
        assertThat(r.title()).isEqualTo("Dominant query: 92.3% of all statement time (600 ms in 10 executions)");
        assertThat(r.evidence()).containsEntry("shareOfStatementTimePercent", 92.3)
                .containsEntry("slowExecutions", 0L).doesNotContainKey("slowestCallSite");
    }

    @Test
    void ignoresDominantQueryWithFewerExecutionsThanMinExecutions() {
        assertThat(workload()
                .run(4, execution(ORDERS).millis(60))
                .run(10, execution(CUSTOMER).millis(1))
                .recommendations()).isEmpty();
    }

    @Test
    void ignoresDominantQueryWhoseTotalTimeIsBelowThreshold() {
        // The largest of a few fast statements in a short run is not a slow query.
        assertThat(workload()
                .run(5, execution(ORDERS).millis(10))
                .run(5, execution(CUSTOMER).millis(1))
                .recommendations()).isEmpty();
    }

    @Test
    void ignoresFastQueries() {
        RuleWorkload workload = workload()
                .run(10, execution(ORDERS).millis(20))
                .run(10, execution(CUSTOMER).millis(20))
                .run(9, execution(PRODUCTS).millis(20))
                .run(execution(PRODUCTS).millis(99.9));

        assertThat(workload.recommendations()).isEmpty();
        assertThat(logLines).isEmpty();
    }

    @Test
    void readsThresholdFromSettings() {
        ObservedStatementBuilder thirtyMillis = execution(ORDERS).millis(30);

        assertThat(workload("threshold", "20ms").run(thirtyMillis).recommendations()).hasSize(1);
        assertThat(workload().run(thirtyMillis).recommendations()).isEmpty();
    }

    @Test
    void readsDominantShareAndMinExecutionsFromSettings() {
        // ORDERS: 2 executions, 40% of the time; the others 20% each.
        ObservedStatementBuilder[] workload = {execution(ORDERS).millis(60), execution(ORDERS).millis(60)};
        Fingerprint items = fingerprint("SELECT * FROM order_items WHERE order_id = ?");

        assertThat(workload("dominantShare", "0.3", "minExecutions", "2").run(workload)
                .run(10, execution(CUSTOMER).millis(6)).run(10, execution(PRODUCTS).millis(6))
                .run(10, execution(items).millis(6))
                .only().fingerprintId()).isEqualTo(ORDERS.id());
        assertThat(workload().run(workload)
                .run(10, execution(CUSTOMER).millis(6)).run(10, execution(PRODUCTS).millis(6))
                .run(10, execution(items).millis(6))
                .recommendations()).isEmpty();
    }

    @Test
    void rejectsThresholdOfZero() {
        assertThatThrownBy(() -> new SlowQueryRule(settings(SlowQueryRule.ID, "threshold", "0ms")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.rules.slow-query.threshold");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        Recommendation r = workload()
                .run(3, execution(ORDERS).millis(5).rows(10))
                .run(execution(ORDERS).millis(150.456).rows(40))
                .only();

        assertThat(r.evidence()).containsOnlyKeys("executions", "slowExecutions", "thresholdMillis", "p50Millis", "p95Millis",
                "p99Millis", "maxMillis", "totalMillis", "shareOfStatementTimePercent", "rows", "slowestCallSite",
                "slowestMillis", "slowBecause", "diagnosis", "endpoints");
        assertThat(List.copyOf(r.evidence().keySet())).startsWith("executions", "slowExecutions", "thresholdMillis")
                .endsWith("rows", "slowestCallSite", "slowestMillis", "slowBecause", "diagnosis", "endpoints");
        assertThat(r.evidence()).containsEntry("executions", 4L)
                .containsEntry("thresholdMillis", 100.0)
                .containsEntry("maxMillis", 150.46)
                .containsEntry("totalMillis", 165.46)
                .containsEntry("shareOfStatementTimePercent", 100.0)
                .containsEntry("rows", 70L);
    }

    @Test
    void suggestsExplainAnalyzeOfTheFingerprint() {
        Recommendation r = workload().run(execution(ORDERS).millis(500).rows(1200)).only();

        assertThat(r.sql()).isEqualTo(ORDERS.text());
        assertThat(r.fingerprint()).isEqualTo(ORDERS.text());
        assertThat(r.suggestion().code()).isEqualTo("EXPLAIN (ANALYZE, BUFFERS) " + ORDERS.text() + ";");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("sql");
        assertThat(r.suggestion().text()).contains("1200 rows per execution").doesNotContain("roll back");
    }

    @Test
    void explainsAStatementThatWritesOnlyInsideATransactionItRollsBack() {
        Fingerprint update = fingerprint("UPDATE orders SET status = ? WHERE customer_id = ?");

        Recommendation r = workload().run(3, execution(update).millis(500)).only();

        assertThat(r.suggestion().text()).contains("runs it in a transaction it rolls back");
        assertThat(r.suggestion().code()).isEqualTo("BEGIN;\nEXPLAIN (ANALYZE, BUFFERS) " + update.text() + ";\nROLLBACK;");
    }

    @Test
    void listsCallSitesMostFrequentFirst() {
        Recommendation r = workload()
                .run(execution(ORDERS).millis(200).from(REPORT_JOB))
                .run(3, execution(ORDERS).millis(200).from(ORDER_DAO))
                .run(execution(ORDERS).millis(200).from(null))
                .only();

        assertThat(r.callSites()).extracting(CallSiteCount::callSite).containsExactly("com.shop.OrderDao.find(OrderDao.java:42)",
                "com.shop.ReportJob.run(ReportJob.java:17)");
    }

    @Test
    void gradesQueryThatIsSlowAsARuleByItsWholeTime() {
        Recommendation r = workload().run(20, execution(ORDERS).millis(600)).only();

        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.impactMillis()).isEqualTo(12_000.0);
    }

    @Test
    void gradesOccasionallySlowQueriesByTheirSlowExecutionsOnly() {
        Recommendation r = workload()
                .run(495, execution(ORDERS).millis(1))
                .run(5, execution(ORDERS).millis(150))
                .run(1_000, execution(CUSTOMER).millis(50))
                .about(ORDERS.id());

        assertThat(r.impactMillis()).isEqualTo(750.0);
        assertThat(r.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void ignoresIsolatedSpikesOfAFastQuery() {
        // as seen on a loaded machine: 3 of 2,843 executions of a 0.04 ms lookup over 100 ms
        assertThat(workload()
                .run(2_840, execution(ORDERS).millis(0.04))
                .run(3, execution(ORDERS).millis(120))
                .run(100, execution(CUSTOMER).millis(50)) // the workload's real cost, so that ORDERS does not dominate
                .recommendations()).extracting(Recommendation::fingerprintId).doesNotContain(ORDERS.id());
    }

    @Test
    void ignoresFewerSlowExecutionsThanMinSlowExecutions() {
        assertThat(workload()
                .run(98, execution(ORDERS).millis(5))
                .run(2, execution(ORDERS).millis(250))
                .run(100, execution(CUSTOMER).millis(50))
                .recommendations()).extracting(Recommendation::fingerprintId).doesNotContain(ORDERS.id());
    }

    @Test
    void readsWhatMakesAQuerySlowNowAndThenFromSettings() {
        assertThat(workload("minSlowExecutions", "1", "minSlowShare", "0")
                .run(999, execution(ORDERS).millis(1))
                .run(execution(ORDERS).millis(150))
                .run(100, execution(CUSTOMER).millis(50))
                .recommendations()).extracting(Recommendation::fingerprintId).contains(ORDERS.id());
    }

    @Test
    void writesOneJsonLinePerSlowStatement() throws Exception {
        workload().run(
                execution(ORDERS).sql("SELECT * FROM orders WHERE customer_id = 4711").millis(412.5).rows(120)
                        .from(ORDER_DAO).thread("http-nio-8080-exec-3").connection(17)
                        .at(ObservedStatementBuilder.EPOCH_MILLIS + 123),
                execution(ORDERS).millis(3));

        assertThat(logLines).hasSize(1);
        assertThat(logLines.get(0)).doesNotContain("\n", "4711");
        assertThat(io.queryadvisor.advisor.report.Json.mapper().readTree(logLines.get(0)).toString()).isEqualTo(
                "{\"timestamp\":\"2025-01-31T10:15:30.123Z\",\"rule\":\"slow-query\",\"durationMs\":412.5,"
                        + "\"fingerprintId\":\"" + ORDERS.id() + "\",\"sql\":\"" + ORDERS.text() + "\",\"rows\":120,"
                        + "\"callSite\":\"com.shop.OrderDao.find(OrderDao.java:42)\","
                        + "\"thread\":\"http-nio-8080-exec-3\",\"connectionId\":17,\"error\":null}");
    }

    @Test
    void logsUnsampledCallSiteAndUnknownRowsAsNull() throws Exception {
        workload().run(execution(ORDERS).millis(200).from(null).rows(-1).failed("org.postgresql.util.PSQLException"));

        var line = io.queryadvisor.advisor.report.Json.mapper().readTree(logLines.get(0));
        assertThat(line.get("callSite").isNull()).isTrue();
        assertThat(line.get("rows").isNull()).isTrue();
        assertThat(line.get("error").asText()).isEqualTo("org.postgresql.util.PSQLException");
    }

    @Test
    void limitsLogLinesPerSecondAndCountsTheRest() throws Exception {
        long second = ObservedStatementBuilder.EPOCH_MILLIS;
        SlowQueryRule rule = new SlowQueryRule(settings(SlowQueryRule.ID, "logLimitPerSecond", "2"), logLines::add);
        new RuleWorkload(rule)
                .run(5, execution(ORDERS).millis(200).at(second + 500))
                .run(execution(ORDERS).millis(200).at(second + 1_000));

        assertThat(logLines).hasSize(3);
        assertThat(logLines.subList(0, 2)).noneMatch(line -> line.contains("suppressed"));
        assertThat(io.queryadvisor.advisor.report.Json.mapper().readTree(logLines.get(2)).get("suppressed").asLong())
                .isEqualTo(3);
        assertThat(rule.logLinesSuppressed()).isEqualTo(3);
    }

    @Test
    void writesNoLogLinesWhenTheLimitIsZero() {
        Recommendation r = workload("logLimitPerSecond", "0").run(execution(ORDERS).millis(200)).only();

        assertThat(logLines).isEmpty();
        assertThat(r.evidence()).containsEntry("slowExecutions", 1L);
    }

    @Test
    void keepsBoundedStateWhateverTheWorkload() {
        SlowQueryRule rule = new SlowQueryRule(settings(SlowQueryRule.ID, "maxFingerprints", "10"), logLines::add);
        RuleWorkload workload = new RuleWorkload(rule);
        for (int i = 0; i < 100; i++) {
            workload.run(execution(fingerprint("SELECT * FROM t" + i)).millis(200));
        }

        assertThat(rule.fingerprintsTracked()).isEqualTo(10);
        assertThat(rule.fingerprintsDropped()).isEqualTo(90);
        // The statistics still show every slow fingerprint; the dropped ones only lose the rule's detail.
        List<Recommendation> found = workload.recommendations();
        assertThat(found).hasSize(100);
        assertThat(found).filteredOn(r -> r.evidence().containsKey("slowExecutions")).hasSize(10);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("slow-query");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof SlowQueryRule);
    }
}
