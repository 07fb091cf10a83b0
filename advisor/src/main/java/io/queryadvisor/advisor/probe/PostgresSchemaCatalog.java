package io.queryadvisor.advisor.probe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PostgreSQL database's schema health for {@link SchemaFactsRequest}: three queries on the
 * statistics views ({@code pg_stat_user_indexes}, {@code pg_stat_user_tables},
 * {@code pg_stat_database}) and the catalog ({@code pg_index}, {@code pg_class},
 * {@code pg_constraint}), all of which any user may read. Object sizes take a share lock on each
 * relation; a table locked exclusively by a running ALTER makes the request end with the lock timeout.
 */
final class PostgresSchemaCatalog {

    private static final String SYSTEM_SCHEMAS = " NOT IN ('pg_catalog', 'information_schema')"
            + " AND %1$s NOT LIKE 'pg\\_toast%%' AND %1$s NOT LIKE 'pg\\_temp\\_%%'";

    private static final String DATABASE = "SELECT current_database(), pg_postmaster_start_time(), d.stats_reset,"
            + " pg_is_in_recovery(), current_setting('track_counts')::boolean, current_setting('autovacuum')::boolean,"
            + " current_setting('autovacuum_vacuum_threshold')::bigint,"
            + " current_setting('autovacuum_vacuum_scale_factor')::float8,"
            + " current_setting('autovacuum_analyze_threshold')::bigint,"
            + " current_setting('autovacuum_analyze_scale_factor')::float8"
            + " FROM pg_stat_database d WHERE d.datname = current_database()";

    // A key column's signature: the column or expression, then its operator class, collation and
    // order options as numbers (pg_get_indexdef(oid, k, true) shows none of them).
    private static final String INDEXES = "SELECT n.nspname, t.relname, i.relname,"
            + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k),"
            + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) || ' ' || x.indclass[k - 1] || ' '"
            + "   || x.indcollation[k - 1] || ' ' || x.indoption[k - 1] FROM generate_series(1, x.indnkeyatts) k),"
            + " am.amname, pg_get_expr(x.indpred, x.indrelid), x.indnatts - x.indnkeyatts, x.indisunique,"
            + " (SELECT min(c.conname) FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid),"
            + " (SELECT min(f.conname) FROM pg_constraint f WHERE f.contype = 'f' AND f.conrelid = x.indrelid"
            + "   AND (string_to_array(x.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] @> f.conkey"
            + "   AND (string_to_array(x.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] <@ f.conkey),"
            + " x.indisvalid, coalesce(s.idx_scan, 0), pg_relation_size(x.indexrelid),"
            + " coalesce(ts.n_tup_ins, 0), coalesce(ts.n_tup_upd - ts.n_tup_hot_upd, 0), coalesce(ts.n_tup_del, 0),"
            + " pg_get_indexdef(x.indexrelid), quote_ident(n.nspname) || '.' || quote_ident(i.relname),"
            + " quote_ident(n.nspname) || '.' || quote_ident(t.relname)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam"
            + " LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid"
            + " LEFT JOIN pg_stat_user_tables ts ON ts.relid = x.indrelid"
            // a partition's index attached to its parent's cannot be dropped alone: the parent's is judged
            + " WHERE t.relkind IN ('r', 'm') AND NOT i.relispartition AND n.nspname" + SYSTEM_SCHEMAS.formatted("n.nspname")
            // relpages (as of the last vacuum or analyze) orders without reading each file's size, and
            // lets PostgreSQL size only the rows kept by the LIMIT: 3,000 indexes in about 110 ms
            + " ORDER BY i.relpages DESC, n.nspname, i.relname LIMIT ?";

    private static final String TABLES = "SELECT s.schemaname, s.relname, s.n_live_tup, s.n_dead_tup,"
            + " s.n_mod_since_analyze, pg_relation_size(s.relid), greatest(s.last_vacuum, s.last_autovacuum),"
            + " greatest(s.last_analyze, s.last_autoanalyze), c.reloptions,"
            + " quote_ident(s.schemaname) || '.' || quote_ident(s.relname)"
            + " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            + " WHERE c.relkind IN ('r', 'm') AND s.schemaname" + SYSTEM_SCHEMAS.formatted("s.schemaname")
            + " ORDER BY s.n_dead_tup + s.n_mod_since_analyze DESC, s.schemaname, s.relname LIMIT ?";

    private PostgresSchemaCatalog() {
    }

    static SchemaFactsResult schemaFacts(Connection c) throws SQLException {
        DatabaseFacts database = database(c);
        List<SchemaIndex> indexes = indexes(c);
        List<TableHealth> tables = tables(c);
        boolean truncated = indexes.size() > SchemaFactsResult.MAX_OBJECTS || tables.size() > SchemaFactsResult.MAX_OBJECTS;
        return new SchemaFactsResult(database, cut(indexes), cut(tables), truncated);
    }

    private static DatabaseFacts database(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATABASE); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("pg_stat_database has no row for the current database");
            }
            Instant started = instant(rs, 2);
            Instant reset = instant(rs, 3);
            AutovacuumSettings autovacuum = new AutovacuumSettings(rs.getBoolean(6), rs.getLong(7), rs.getDouble(8),
                    rs.getLong(9), rs.getDouble(10));
            String identity = rs.getString(1) + "@" + started.truncatedTo(ChronoUnit.MICROS);
            boolean wasReset = reset != null && reset.isAfter(started);
            return new DatabaseFacts(rs.getString(1), identity, wasReset ? reset : started, wasReset, rs.getBoolean(4),
                    rs.getBoolean(5), autovacuum);
        }
    }

    private static List<SchemaIndex> indexes(Connection c) throws SQLException {
        List<SchemaIndex> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setInt(1, SchemaFactsResult.MAX_OBJECTS + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SchemaIndex(rs.getString(1), rs.getString(2), rs.getString(3), PostgresCatalog.strings(rs.getArray(4)),
                            PostgresCatalog.strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9),
                            rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getLong(13), rs.getLong(14),
                            rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getString(18), rs.getString(19),
                            rs.getString(20)));
                }
            }
        }
        return out;
    }

    private static List<TableHealth> tables(Connection c) throws SQLException {
        List<TableHealth> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setInt(1, SchemaFactsResult.MAX_OBJECTS + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TableHealth(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), instant(rs, 7), instant(rs, 8), options(rs.getArray(9)),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** Storage options as {@code pg_class.reloptions} lists them ({@code name=value}), by name. */
    private static Map<String, String> options(Array array) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String option : PostgresCatalog.strings(array)) {
            int eq = option.indexOf('=');
            if (eq > 0) {
                out.put(option.substring(0, eq), option.substring(eq + 1));
            }
        }
        return out;
    }

    private static <T> List<T> cut(List<T> rows) {
        return rows.size() > SchemaFactsResult.MAX_OBJECTS ? rows.subList(0, SchemaFactsResult.MAX_OBJECTS) : rows;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
