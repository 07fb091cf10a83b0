package io.queryadvisor.e2e.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * A workload whose every statement is known in advance, so that the agent's counts can be checked
 * exactly. Each table (or alias) name is used by one part only, so a fingerprint is found by its
 * name and type whatever the fingerprinter's exact text. Every result is checked too: the agent
 * must not change what the application sees.
 */
public final class KnownWorkload {

    static final int LOOKUPS = 7;
    static final int[] QUANTITY_THRESHOLDS = {7, 8, 9};
    static final int BATCH_ROWS = 5;

    /** What the agent must count after {@link #run()}, one entry per fingerprint. */
    public static List<ExpectedQuery> expected() {
        return List.of(
                ExpectedQuery.of("e2e_lookup", "DDL", 1, 0, "createTables"),
                ExpectedQuery.of("e2e_literal", "DDL", 1, 0, "createTables"),
                ExpectedQuery.of("e2e_batch", "DDL", 1, 0, "createTables"),
                ExpectedQuery.of("e2e_proxied", "DDL", 1, 0, "createTables"),
                ExpectedQuery.of("e2e_lookup", "INSERT", 1, 10, "seed"),
                ExpectedQuery.of("e2e_literal", "INSERT", 1, 10, "seed"),
                ExpectedQuery.of("e2e_lookup", "SELECT", LOOKUPS, LOOKUPS, "lookUpItemsById"),
                // qty > 7, > 8, > 9 over quantities 1..10: 3 + 2 + 1 rows, one fingerprint.
                ExpectedQuery.of("e2e_literal", "SELECT", 3, 6, "findItemsAboveQuantity"),
                ExpectedQuery.of("e2e_batch", "INSERT", 1, BATCH_ROWS, "insertBatch").batchedAs(BATCH_ROWS),
                ExpectedQuery.of("e2e_batch", "SELECT", 1, 1, "countBatchRows"),
                ExpectedQuery.of("e2e_lookup", "UPDATE", 1, 3, "raiseQuantitiesInTransaction"),
                ExpectedQuery.of("e2e_proxied", "INSERT", 2, 2, "throughOwnProxy"),
                ExpectedQuery.of("e2e_proxied", "SELECT", 2, 2, "throughOwnProxy"),
                ExpectedQuery.of("e2e_missing", "SELECT", 1, 0, "queryMissingTable").failing(),
                ExpectedQuery.of("e2e_sentinel", "SELECT", 1, 1, "markEnd"));
    }

    private final DataSource pool;
    private final DataSource ownProxy;

    /**
     * @param pool     the application's connection pool
     * @param ownProxy the same pool behind the application's own datasource-proxy
     */
    KnownWorkload(DataSource pool, DataSource ownProxy) {
        this.pool = pool;
        this.ownProxy = ownProxy;
    }

    void run() throws SQLException {
        createTables();
        seed();
        lookUpItemsById();
        findItemsAboveQuantity();
        insertBatch();
        countBatchRows();
        raiseQuantitiesInTransaction();
        throughOwnProxy();
        queryMissingTable();
        // Last, so that once the agent reports it every earlier statement has been processed too.
        markEnd();
    }

    private void createTables() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE e2e_lookup (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL)");
            s.execute("CREATE TABLE e2e_literal (id INT PRIMARY KEY, qty INT NOT NULL)");
            s.execute("CREATE TABLE e2e_batch (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL)");
            s.execute("CREATE TABLE e2e_proxied (id INT PRIMARY KEY, note VARCHAR(40) NOT NULL)");
        }
    }

    private void seed() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            expect("lookup seed", 10, s.executeUpdate(
                    "INSERT INTO e2e_lookup (id, name, qty) SELECT g, 'item-' || g, g FROM generate_series(1, 10) AS g"));
            expect("literal seed", 10, s.executeUpdate(
                    "INSERT INTO e2e_literal (id, qty) SELECT g, g FROM generate_series(1, 10) AS g"));
        }
    }

    private void lookUpItemsById() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name, qty FROM e2e_lookup WHERE id = ?")) {
            for (int id = 1; id <= LOOKUPS; id++) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !("item-" + id).equals(rs.getString("name")) || rs.next()) {
                        throw new IllegalStateException("lookup of id " + id + " did not return exactly item-" + id);
                    }
                }
            }
        }
    }

    private void findItemsAboveQuantity() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (int threshold : QUANTITY_THRESHOLDS) {
                // Deliberately inlined literals: three texts, one fingerprint.
                try (ResultSet rs = s.executeQuery("SELECT id FROM e2e_literal WHERE qty > " + threshold)) {
                    expect("items above " + threshold, 10 - threshold, drain(rs));
                }
            }
        }
    }

    private void insertBatch() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO e2e_batch (id, label) VALUES (?, ?)")) {
            for (int id = 1; id <= BATCH_ROWS; id++) {
                ps.setInt(1, id);
                ps.setString(2, "batch-" + id);
                ps.addBatch();
            }
            expect("batch statements", BATCH_ROWS, ps.executeBatch().length);
        }
    }

    private void countBatchRows() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM e2e_batch")) {
            rs.next();
            expect("batch rows", BATCH_ROWS, rs.getInt(1));
        }
    }

    private void raiseQuantitiesInTransaction() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE e2e_lookup SET qty = qty + 1 WHERE id <= ?")) {
                ps.setInt(1, 3);
                expect("raised quantities", 3, ps.executeUpdate());
            }
            c.commit();
        }
    }

    private void throughOwnProxy() throws SQLException {
        try (Connection c = ownProxy.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO e2e_proxied (id, note) VALUES (?, ?)")) {
                for (int id = 1; id <= 2; id++) {
                    ps.setInt(1, id);
                    ps.setString(2, "note-" + id);
                    expect("proxied insert", 1, ps.executeUpdate());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT note FROM e2e_proxied WHERE id = ?")) {
                for (int id = 1; id <= 2; id++) {
                    ps.setInt(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        expect("proxied select", 1, drain(rs));
                    }
                }
            }
        }
    }

    private void queryMissingTable() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT id FROM e2e_missing");
            throw new IllegalStateException("a query on a missing table succeeded");
        } catch (SQLException expected) {
            if (!"42P01".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }

    private void markEnd() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS e2e_sentinel")) {
            expect("sentinel", 1, drain(rs));
        }
    }

    private static int drain(ResultSet rs) throws SQLException {
        int rows = 0;
        while (rs.next()) {
            rows++;
        }
        return rows;
    }

    private static void expect(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
