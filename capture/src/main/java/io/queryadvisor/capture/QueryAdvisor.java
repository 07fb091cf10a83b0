package io.queryadvisor.capture;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.capture.jdbc.CapturingDataSource;
import io.queryadvisor.capture.jdbc.JdbcWrappers;
import io.queryadvisor.capture.pool.PoolSampler;

/**
 * Query Advisor without the agent: an advisor, and the data sources it watches because the
 * application wrapped them itself.
 *
 * <pre>{@code
 * QueryAdvisor qa = QueryAdvisor.start(Map.of("rules.slow-query.threshold", "250ms"));
 * DataSource dataSource = qa.capture(hikariDataSource);
 * ...
 * List<Recommendation> findings = qa.advisor().recommendations();
 * qa.close();
 * }</pre>
 *
 * or, with one instance for the whole JVM and default settings, {@code QueryAdvisor.wrap(dataSource)}.
 * Settings are those of the agent (see the README), validated here: a wrong value throws
 * {@link io.queryadvisor.advisor.config.ConfigurationException} naming it. The dashboard is not
 * started: {@code DashboardServer.start(config, qa.advisor())} serves it, for an application that
 * has the dashboard module too.
 */
public final class QueryAdvisor implements AutoCloseable {

    private final Advisor advisor;
    private final Capture capture;
    private final boolean enabled;

    private QueryAdvisor(Advisor advisor, Capture capture, boolean enabled) {
        this.advisor = advisor;
        this.capture = capture;
        this.enabled = enabled;
    }

    /** Starts an advisor with default settings. */
    public static QueryAdvisor start() {
        return start(Settings.empty());
    }

    /** Starts an advisor with {@code settings}, keyed as in the agent's arguments ({@code rules.slow-query.threshold}). */
    public static QueryAdvisor start(Map<String, String> settings) {
        return start(Settings.fromStrings(settings, "QueryAdvisor.start"));
    }

    /** Starts an advisor with {@code settings}, validated first. */
    public static QueryAdvisor start(Settings settings) {
        return start(settings, List.of());
    }

    /** Starts an advisor with {@code settings} whose consumer also feeds {@code listeners} every event. */
    public static QueryAdvisor start(Settings settings, List<CaptureListener> listeners) {
        CaptureConfig captureConfig = CaptureConfig.from(settings);
        AdvisorConfig advisorConfig = AdvisorConfig.from(settings);
        boolean enabled = captureConfig.enabled() && wrappersGenerated();
        Advisor advisor = Advisor.start(advisorConfig, listeners);
        Set<String> unused = settings.unusedKeys();
        if (!unused.isEmpty()) {
            CaptureLog.info("unknown settings ignored (check their spelling in the README): " + String.join(", ", unused));
        }
        return new QueryAdvisor(advisor, new Capture(advisor.buffer(), captureConfig), enabled);
    }

    /** The JVM's shared instance, with default settings, started on first use. */
    public static QueryAdvisor shared() {
        return Shared.INSTANCE;
    }

    /** {@code dataSource} captured by the {@linkplain #shared() shared} instance. */
    public static DataSource wrap(DataSource dataSource) {
        return shared().capture(dataSource);
    }

    /**
     * {@code dataSource} with capture in front: every connection obtained from it is captured, once
     * (a connection that is already a capturing one, the agent's, is handed out as it is). A proxy in
     * front of a HikariCP or DBCP2 pool that unwraps to it (Spring's do) counts as the pool: its
     * checkouts are named after the pool, whose gauges are sampled. Returns
     * {@code dataSource} itself when capture is disabled ({@code capture.enabled=false}).
     */
    public DataSource capture(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!enabled) {
            return dataSource;
        }
        // Worked out once, here: a checkout only reads it. A proxy in front of a pool is the pool's checkouts.
        Object pool = PoolSampler.poolBehind(dataSource);
        ConnectionSource source = new ConnectionSource(SourceNames.nameOf(pool), UrlConnector.ofHikari(pool),
                HikariSettings.schemaOf(pool));
        capture.watchPool(pool, source.name());
        return new CapturingDataSource(dataSource, capture, source);
    }

    /** The analysis: statistics, findings and reports of what was captured. */
    public Advisor advisor() {
        return advisor;
    }

    /** Stops the advisor; the data sources wrapped by this instance hand out plain connections from now on. */
    @Override
    public void close() {
        capture.stop();
        advisor.close();
    }

    /** The JDBC wrappers are generated once per JVM (a few hundred milliseconds): here, rather than at a first checkout. */
    private static boolean wrappersGenerated() {
        try {
            Class.forName(JdbcWrappers.class.getName(), true, QueryAdvisor.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            CaptureLog.warnOnce("wrappers", "could not generate the JDBC wrappers; capture is off", e);
            return false;
        }
    }

    private static final class Shared {
        static final QueryAdvisor INSTANCE = start();
    }
}
