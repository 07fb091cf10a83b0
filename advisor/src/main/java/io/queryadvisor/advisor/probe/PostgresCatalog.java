package io.queryadvisor.advisor.probe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What PostgreSQL's catalog says of a table: rows, indexes, column statistics; and where hypopg is. */
final class PostgresCatalog {

    private PostgresCatalog() {
    }

    static TableFactsResult tableFacts(Connection c, String table, List<String> columns)
            throws SQLException, ProbeRefused {
        long oid;
        String schema;
        String name;
        double rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname, c.reltuples"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ProbeRefused(ProbeFailure.Kind.MISSING_OBJECT, "no table " + table);
                }
                oid = rs.getLong(1);
                schema = rs.getString(2);
                name = rs.getString(3);
                // -1 (PostgreSQL 14+) means never vacuumed or analyzed
                rows = rs.getDouble(4) < 0 ? -1 : rs.getDouble(4);
            }
        }
        return new TableFactsResult(schema, name, rows, indexes(c, oid), statistics(c, schema, name, columns, rows));
    }

    private static List<IndexDefinition> indexes(Connection c, long tableOid) throws SQLException {
        List<IndexDefinition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.relname, x.indisunique, x.indisprimary,"
                + " pg_get_indexdef(x.indexrelid),"
                + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ? ORDER BY i.relname")) {
            ps.setLong(1, tableOid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndexDefinition(rs.getString(1), strings(rs.getArray(5)), rs.getBoolean(2),
                            rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static List<ColumnStatistics> statistics(Connection c, String schema, String table, List<String> columns,
                                                     double rows) throws SQLException {
        String sql = "SELECT attname, n_distinct, null_frac FROM pg_stats WHERE schemaname = ? AND tablename = ?"
                + (columns.isEmpty() ? "" : " AND attname::text = ANY(?)")
                // a partitioned table has rows for itself with its children (inherited) and without
                + " ORDER BY attname, inherited";
        Map<String, ColumnStatistics> byColumn = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            if (!columns.isEmpty()) {
                ps.setArray(3, c.createArrayOf("text", columns.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double nDistinct = rs.getDouble(2);
                    double distinct = nDistinct >= 0 ? nDistinct : rows < 0 ? -1 : -nDistinct * rows;
                    byColumn.putIfAbsent(rs.getString(1),
                            new ColumnStatistics(rs.getString(1), nDistinct, rs.getDouble(3), distinct));
                }
            }
        }
        return new ArrayList<>(byColumn.values());
    }

    /** The schema hypopg is installed in, or {@code null} when it is not installed in this database. */
    static String hypopgSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'hypopg'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A name as a quoted SQL identifier, safe to splice into a statement. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A text array's elements as strings; freed. */
    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (Object o : (Object[]) array.getArray()) {
                out.add(String.valueOf(o));
            }
            return out;
        } finally {
            array.free();
        }
    }
}
