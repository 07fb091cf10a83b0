package io.queryadvisor.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import net.bytebuddy.agent.ByteBuddyAgent;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.pool.PoolsSnapshot;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;
import io.queryadvisor.agent.instrument.AgentInstaller;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.testing.TestMariaDb;
import io.queryadvisor.testing.TestSchema;

/**
 * The agent inside the test JVM, as {@code -javaagent} runs it: the real instrumentation of
 * DataSources and Drivers, a fresh advisor and capture for each test, and HikariCP pools whose
 * connections the advice wraps exactly as in production. Register it with
 * {@code @RegisterExtension}; after each test its pools are closed, capture is switched off and the
 * advisor stops.
 *
 * <pre>{@code
 * @RegisterExtension
 * final AgentUnderTest agent = AgentUnderTest.withDefaults();
 *
 * new OrderHistory(agent.pool(schema)).linesOneOrderAtATime(1);
 * Recommendation finding = agent.onlyFinding(NPlusOneRule.ID);
 * }</pre>
 */
public final class AgentUnderTest implements BeforeEachCallback, AfterEachCallback {

    /** Far longer than a test's few events take; reached only when the advisor is stuck. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> settings;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final Queue<CaptureEvent> events = new ConcurrentLinkedQueue<>();
    private Advisor advisor;

    /**
     * The application here is the shop of capture's test-jar ({@code com.example.shop}): a jar, as a
     * library's would be, so it is named the application's code, as a user names such code with
     * {@code callSite.include}.
     */
    private static final Map<String, String> APPLICATION = Map.of("callSite.include", "com.example.");

    private AgentUnderTest(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(APPLICATION);
        all.putAll(settings);
        this.settings = Map.copyOf(all);
    }

    public static AgentUnderTest withDefaults() {
        return with(Map.of());
    }

    /** An agent configured with {@code settings}, keyed as in the agent's arguments ({@code rules.slow-query.threshold}). */
    public static AgentUnderTest with(Map<String, String> settings) {
        return new AgentUnderTest(settings);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        InstrumentedJvm.ensure();
        Settings configured = Settings.fromStrings(settings, "test");
        events.clear();
        advisor = Advisor.start(AdvisorConfig.from(configured), List.of(events::add));
        ConnectionWrapping.install(new Capture(advisor.buffer(), CaptureConfig.from(configured)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ConnectionWrapping.install(null);
        try {
            pools.forEach(HikariDataSource::close);
        } finally {
            pools.clear();
            if (advisor != null) { // null when beforeEach failed: its failure is the one to report
                advisor.close();
            }
        }
    }

    /** A new HikariCP pool on {@code schema}, closed after the test. */
    public DataSource pool(TestSchema schema) {
        return pool(schema, config -> { });
    }

    /** A new HikariCP pool on the test MariaDB, closed after the test. */
    public DataSource pool(TestMariaDb mariaDb) {
        return pool(mariaDb.jdbcUrl(), mariaDb.user(), mariaDb.password(), config -> { });
    }

    /** A new HikariCP pool on {@code schema}, configured further by {@code customise}, closed after the test. */
    public DataSource pool(TestSchema schema, Consumer<HikariConfig> customise) {
        return pool(schema.jdbcUrl(), schema.user(), schema.password(), customise);
    }

    private DataSource pool(String jdbcUrl, String user, String password, Consumer<HikariConfig> customise) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("shop-" + (pools.size() + 1));
        config.setMaximumPoolSize(2);
        customise.accept(config);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** Every finding of the rule {@code ruleId} on what was captured so far. */
    public List<Recommendation> findings(String ruleId) {
        awaitIdle();
        return advisor.recommendations().stream().filter(r -> r.rule().equals(ruleId)).toList();
    }

    /** The one finding of the rule {@code ruleId}; fails when there is none or more than one. */
    public Recommendation onlyFinding(String ruleId) {
        List<Recommendation> found = findings(ruleId);
        assertThat(found).as("findings of %s", ruleId).hasSize(1);
        return found.get(0);
    }

    /**
     * Every event of {@code type} the advisor received so far, in capture order. Statements come as
     * the advisor's listeners receive them: {@link ObservedStatement}.
     */
    public <T extends CaptureEvent> List<T> events(Class<T> type) {
        awaitIdle();
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every statement execution captured so far, in capture order. */
    public List<StatementExecuted> statements() {
        return events(ObservedStatement.class).stream().map(ObservedStatement::event).toList();
    }

    /** The advisor of this test, to serve its dashboard from. */
    public Advisor advisor() {
        return advisor;
    }

    /** The pools and data sources as published once everything captured so far is analysed. */
    public PoolsSnapshot pools() {
        awaitIdle();
        return advisor.pools();
    }

    /** The statistics of everything captured so far. */
    public WorkloadSnapshot snapshot() {
        awaitIdle();
        return advisor.snapshot();
    }

    /**
     * The statistics of the one fingerprint of {@code type} that names {@code table}. Fingerprint text is
     * matched loosely (the table as a whole word, any case), so that it does not tie these tests to
     * the fingerprinter's exact normalisation.
     */
    public QueryStats onlyQuery(StatementType type, String table) {
        Pattern word = Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(table.toLowerCase(Locale.ROOT))
                + "(?![a-z0-9_])");
        List<QueryStats> queries = snapshot().queries();
        List<QueryStats> matching = queries.stream()
                .filter(q -> q.type() == type && word.matcher(q.fingerprint().toLowerCase(Locale.ROOT)).find())
                .toList();
        assertThat(matching).as("%s fingerprints on %s among %s", type, table,
                queries.stream().map(QueryStats::fingerprint).toList()).hasSize(1);
        return matching.get(0);
    }

    void awaitIdle() {
        assertThat(advisor.awaitIdle(IDLE_TIMEOUT))
                .as("the advisor processed every captured event within %s", IDLE_TIMEOUT).isTrue();
    }

    /**
     * Instrumentation cannot be taken back from a JVM, and installing it twice would stack the advice,
     * so it is installed once, by the first test that needs it (class initialisation is the lock).
     * Outside a test's capture, {@link ConnectionWrapping} hands every connection back unwrapped.
     */
    private static final class InstrumentedJvm {

        static {
            AgentInstaller.install(ByteBuddyAgent.install());
        }

        private InstrumentedJvm() {
        }

        static void ensure() {
            // the static initialiser did the work
        }
    }
}
