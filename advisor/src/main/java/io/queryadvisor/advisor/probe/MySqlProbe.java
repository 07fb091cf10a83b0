package io.queryadvisor.advisor.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.queryadvisor.advisor.fingerprint.PositionalSql;

/**
 * The probe on MariaDB and MySQL: {@code EXPLAIN FORMAT=JSON} in a read-only session.
 *
 * <p>They have no generic plan, so a statement with placeholders is explained only with sampled
 * values, bound through the driver as the application bound them. MariaDB refuses EXPLAIN of an
 * UPDATE or DELETE in a read-only transaction (error 1792): those are reported as
 * {@link ProbeFailure.Kind#READ_ONLY}, since the probe never leaves read-only. The optimizer may
 * evaluate constant subqueries while planning; the read-only transaction stops them from writing.
 */
final class MySqlProbe implements ProbeDialect {

    @Override
    public void setUp(Connection connection, ProbeConfig config) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        boolean mariaDb = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb")
                || version.toLowerCase(Locale.ROOT).contains("mariadb");
        long lockSeconds = wholeSeconds(config.lockTimeout());
        try (Statement st = connection.createStatement()) {
            if (mariaDb) {
                // seconds, with microsecond precision; covers every statement
                st.execute("SET SESSION max_statement_time = " + config.statementTimeout().toMillis() / 1000.0);
            } else {
                // milliseconds; MySQL applies it to SELECT, the only statement it explains read-only
                st.execute("SET SESSION max_execution_time = " + config.statementTimeout().toMillis());
            }
            // whole seconds, at least 1: a metadata lock (a running ALTER TABLE) and a row lock
            st.execute("SET SESSION lock_wait_timeout = " + lockSeconds);
            st.execute("SET SESSION innodb_lock_wait_timeout = " + lockSeconds);
            st.execute("SET SESSION TRANSACTION READ ONLY");
        }
    }

    @Override
    public ExplainResult explain(Connection connection, String sql, List<Object> binds)
            throws SQLException, ProbeRefused {
        PositionalSql statement = Explainable.check(sql);
        if (hasInnerSemicolon(sql)) {
            // MariaDB reads "--" as a comment only before a space ("SELECT 1 --1; DELETE ..." is two
            // statements to it, one to our lexer), so any ';' not at the end is refused here
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT,
                    "a ';' inside the statement: not explained on MariaDB/MySQL");
        }
        Explainable.checkValues(statement, binds.size());
        if (statement.parameters() > 0 && binds.isEmpty()) {
            throw new ProbeRefused(ProbeFailure.Kind.UNSUPPORTED_STATEMENT,
                    "MariaDB and MySQL make no generic plan: a statement with placeholders needs its bind values");
        }
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN FORMAT=JSON " + sql)) {
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("EXPLAIN returned no plan");
                }
                Plan plan = MySqlPlanReader.read(rs.getString(1));
                return new ExplainResult(plan, binds.isEmpty() ? ExplainResult.Basis.NO_PARAMETERS
                        : ExplainResult.Basis.SAMPLED_VALUES);
            }
        }
    }

    private static boolean hasInnerSemicolon(String sql) {
        int end = sql.length();
        while (end > 0 && (sql.charAt(end - 1) == ';' || Character.isWhitespace(sql.charAt(end - 1)))) {
            end--;
        }
        return sql.lastIndexOf(';', end - 1) >= 0;
    }

    private static long wholeSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
