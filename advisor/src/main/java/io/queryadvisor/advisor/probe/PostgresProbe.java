package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import io.queryadvisor.advisor.fingerprint.PositionalSql;

/**
 * The probe on PostgreSQL: plain {@code EXPLAIN (FORMAT JSON)}, the catalog, and hypopg's
 * hypothetical indexes. One instance per connection: it remembers what it must undo on it.
 *
 * <p><b>Plans with values.</b> The statement goes to the driver as {@code EXPLAIN (FORMAT JSON)
 * <sql>} in a {@link PreparedStatement}, with the sampled values bound as the application bound
 * them (same Java types, same driver, same URL), so the server plans for exactly those values.
 *
 * <p><b>Plans without values.</b> PostgreSQL 16's {@code EXPLAIN (GENERIC_PLAN)} is not in 15 (CI)
 * or 14 (the embedded test server), so on every version the probe does what works from 12 on:
 * {@code PREPARE qa_probe_n AS <sql with $n>}, {@code SET LOCAL plan_cache_mode =
 * force_generic_plan}, {@code EXPLAIN EXECUTE qa_probe_n(NULL, ...)}, {@code DEALLOCATE}. A forced
 * generic plan is built without looking at the parameters, so their values cannot change it; NULL
 * is used because it fits every parameter type, where a dummy literal would have to be valid for
 * each inferred type (a uuid, an enum, a date...). One tested path for all versions.
 *
 * <p>Planning never runs the statement; it may evaluate functions the database was told are
 * immutable or stable (constant folding, selectivity estimates), and the read-only transaction
 * stops any of those from writing.
 */
final class PostgresProbe implements ProbeDialect {

    static final String APPLICATION_NAME = "query-advisor-probe";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s.*");

    private final List<String> prepared = new ArrayList<>();
    private String hypopgToReset;
    private int statements;

    @Override
    public void setUp(Connection connection, ProbeConfig config) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + config.statementTimeout().toMillis());
            st.execute("SET lock_timeout = " + config.lockTimeout().toMillis());
            // every transaction of the session read-only, whatever else the session does
            st.execute("SET default_transaction_read_only = on");
            st.execute("SET application_name = '" + APPLICATION_NAME + "'");
        }
    }

    @Override
    public ExplainResult explain(Connection connection, String sql, List<Object> binds)
            throws SQLException, ProbeRefused {
        PositionalSql statement = Explainable.check(sql);
        Explainable.checkValues(statement, binds.size());
        if (statement.parameters() > 0 && binds.isEmpty()) {
            return new ExplainResult(genericPlan(connection, statement), ExplainResult.Basis.GENERIC);
        }
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            Plan plan = readPlan(ps.executeQuery());
            return new ExplainResult(plan, binds.isEmpty() ? ExplainResult.Basis.NO_PARAMETERS
                    : ExplainResult.Basis.SAMPLED_VALUES);
        }
    }

    private Plan genericPlan(Connection connection, PositionalSql statement) throws SQLException {
        String name = "qa_probe_" + ++statements;
        try (Statement st = connection.createStatement()) {
            st.execute("PREPARE " + name + " AS " + statement.sql());
            prepared.add(name); // deallocated by cleanUp, whatever happens next
            st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            String nulls = String.join(", ", Collections.nCopies(statement.parameters(), "NULL"));
            return readPlan(st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + nulls + ")"));
        }
    }

    @Override
    public HypotheticalIndexResult hypothetical(Connection connection, String sql, List<Object> binds,
                                                String createIndexSql) throws SQLException, ProbeRefused {
        if (createIndexSql == null || PositionalSql.of(createIndexSql).statements() != 1
                || !CREATE_INDEX.matcher(createIndexSql).matches()) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT, "not one CREATE INDEX statement");
        }
        Plan before = explain(connection, sql, binds).plan();
        String schema = PostgresCatalog.hypopgSchema(connection);
        if (schema == null) {
            return HypotheticalIndexResult.withoutHypopg(before);
        }
        String hypopg = PostgresCatalog.quoteIdentifier(schema);
        String indexName;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT indexname FROM " + hypopg + ".hypopg_create_index(?)")) {
            ps.setString(1, createIndexSql);
            hypopgToReset = hypopg; // from here on, cleanUp resets whatever was made
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                indexName = rs.getString(1);
            }
        }
        // a new PREPARE (in explain) plans again, so the generic plan sees the hypothetical index too
        Plan after = explain(connection, sql, binds).plan();
        return new HypotheticalIndexResult(true, before, after, indexName);
    }

    @Override
    public TableFactsResult tableFacts(Connection connection, String table, List<String> columns)
            throws SQLException, ProbeRefused {
        return PostgresCatalog.tableFacts(connection, table, columns);
    }

    @Override
    public SchemaFactsResult schemaFacts(Connection connection) throws SQLException {
        return PostgresSchemaCatalog.schemaFacts(connection);
    }

    /**
     * Ends the request: rolls back (an error leaves the transaction aborted, refusing anything
     * else), then undoes what outlives a transaction: prepared statements and hypothetical
     * indexes, which live in the session.
     */
    @Override
    public void cleanUp(Connection connection) throws SQLException {
        connection.rollback();
        if (prepared.isEmpty() && hypopgToReset == null) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            for (String name : prepared) {
                st.execute("DEALLOCATE " + name);
            }
            prepared.clear();
            if (hypopgToReset != null) {
                st.execute("SELECT " + hypopgToReset + ".hypopg_reset()");
                hypopgToReset = null;
            }
        } finally {
            connection.rollback();
        }
    }

    private static Plan readPlan(ResultSet rs) throws SQLException {
        try (rs) {
            if (!rs.next()) {
                throw new SQLException("EXPLAIN returned no plan");
            }
            return PostgresPlanReader.read(rs.getString(1));
        }
    }
}
