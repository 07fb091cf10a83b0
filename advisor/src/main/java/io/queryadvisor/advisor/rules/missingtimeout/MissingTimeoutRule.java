package io.queryadvisor.advisor.rules.missingtimeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.PoolFinding;
import io.queryadvisor.advisor.rules.support.PublishedUsageRule;

/**
 * {@code missing-timeout}: a statement or a checkout that may wait for ever. Two findings per pool
 * or data source, each with its own id:
 * <ul>
 *   <li>{@code :query}: at least {@code minStatements} statements ran on its connections and the
 *       application never set a query timeout ({@code Statement.setQueryTimeout}, which JPA's
 *       {@code jakarta.persistence.query.timeout} and Spring's {@code @Transactional(timeout)}
 *       end in). A server-side {@code statement_timeout} set in the database or the connection's
 *       options is not seen by the agent: the finding says so;</li>
 *   <li>{@code :connection}: the pool's own connectionTimeout (HikariCP) or maxWait (DBCP2) is off,
 *       or longer than {@code maxConnectionTimeout}: when the pool is saturated every request
 *       hangs that long before it fails.</li>
 * </ul>
 * Stateless: it reads the pools' published usage. Settings, under
 * {@code queryadvisor.rules.missing-timeout.}: {@code minStatements} (default 100),
 * {@code maxConnectionTimeout} (default 30 s, HikariCP's default).
 */
public final class MissingTimeoutRule implements PublishedUsageRule {

    public static final String ID = "missing-timeout";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Missing timeouts",
            "Set appropriate connection timeouts", RuleDescriptor.Kind.CONNECTION,
            "No query timeout anywhere, or a pool timeout so long that a saturated pool hangs requests.");

    private final long minStatements;
    private final long maxConnectionTimeoutMillis;

    public MissingTimeoutRule(RuleSettings settings) {
        this.minStatements = settings.integer("minStatements", 100, 1, Integer.MAX_VALUE);
        this.maxConnectionTimeoutMillis = settings.duration("maxConnectionTimeout", Duration.ofSeconds(30)).toMillis();
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> found = new ArrayList<>();
        for (PoolView pool : context.pools().pools()) {
            if (pool.statements() >= minStatements && pool.queryTimeoutsSet() == 0) {
                found.add(noQueryTimeout(pool, context));
            }
            long timeout = pool.settings().connectionTimeoutMillis();
            // 0 is "wait for ever" (DBCP2's negative maxWait is read as 0); -1 is "the pool does not say"
            if (pool.sampled() && (timeout == 0 || timeout > maxConnectionTimeoutMillis)) {
                found.add(longConnectionTimeout(pool, timeout, context));
            }
        }
        return found;
    }

    private Recommendation noQueryTimeout(PoolView pool, RuleContext context) {
        return PoolFinding.about(ID, pool.name(), "query")
                .title("Missing timeouts: none of the " + pool.statements() + " statements on " + pool.name()
                        + " ran with a query timeout")
                .evidence("statements", pool.statements())
                .evidence("queryTimeoutsSet", 0L)
                .evidence("databaseStatementTimeout", "not seen by the agent (set in the database or the JDBC URL)")
                .impact(0, pool.statements())
                .suggestion(Suggestion.withJava("Bound every statement's time, so that a slow plan or a lock cannot hold"
                        + " a connection (and a request) for ever: a query timeout per statement, or one for all"
                        + " (JPA: jakarta.persistence.query.timeout; Spring: @Transactional(timeout = ...) or"
                        + " JdbcTemplate.setQueryTimeout), or the database's own (PostgreSQL: statement_timeout on the"
                        + " role or in the JDBC URL's options; MySQL/MariaDB: max_execution_time / max_statement_time).",
                        "statement.setQueryTimeout(5); // seconds\n"
                                + "// or, for all of them, in the JDBC URL (PostgreSQL):\n"
                                + "// jdbc:postgresql://db/app?options=-c%20statement_timeout=5000"))
                .build(context);
    }

    private Recommendation longConnectionTimeout(PoolView pool, long timeout, RuleContext context) {
        String what = timeout <= 0 ? "off (a thread waits for ever)" : timeout + " ms";
        return PoolFinding.about(ID, pool.name(), "connection")
                .title("Missing timeouts: " + pool.name() + "'s connection timeout is " + what
                        + ", so a saturated pool hangs requests that long")
                .evidence("connectionTimeoutMillis", timeout)
                .evidence("maxConnectionTimeoutMillis", maxConnectionTimeoutMillis)
                .evidence("maximumPoolSize", (long) pool.settings().maximumPoolSize())
                .impact(0, 1)
                .suggestion(Suggestion.text("Set the pool's connectionTimeout (HikariCP; maxWait for DBCP2) to a few"
                        + " seconds, below the request timeout of the callers: a request that cannot get a connection"
                        + " should fail fast, with an error that says the pool is exhausted, rather than pile up"
                        + " threads behind it."))
                .build(context);
    }
}
