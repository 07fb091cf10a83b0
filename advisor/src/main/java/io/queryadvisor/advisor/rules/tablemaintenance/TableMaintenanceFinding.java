package io.queryadvisor.advisor.rules.tablemaintenance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.queryadvisor.advisor.probe.AutovacuumSettings;
import io.queryadvisor.advisor.probe.DatabaseFacts;
import io.queryadvisor.advisor.probe.TableHealth;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.SchemaFinding;

/** The finding of one table that needs a vacuum, an analyze, or both. */
final class TableMaintenanceFinding {

    /**
     * The scale factors suggested for a large table that autovacuum reaches too late: 2% of its
     * rows dead, 1% changed, instead of PostgreSQL's 20% and 10% (a common production setting).
     */
    private static final String TUNED = "autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01";

    private TableMaintenanceFinding() {
    }

    static Recommendation of(DatabaseFacts database, TableHealth table, AutovacuumSettings autovacuum,
                             boolean vacuum, boolean analyze, double deadShare) {
        long deadBytes = (long) (table.sizeBytes() * deadShare);
        String what = vacuum && analyze ? "needs a vacuum and an analyze" : vacuum ? "needs a vacuum"
                : "needs an analyze";
        String title = "Table " + table.qualifiedName() + " " + what + ": "
                + (vacuum ? table.deadRows() + " dead rows (" + Impact.percent(deadShare) + "%)"
                : table.modifiedSinceAnalyze() + " rows changed since its last analyze")
                + ", last " + (vacuum ? "vacuum " + when(table.lastVacuum()) : "analyze " + when(table.lastAnalyze()))
                + (autovacuum.enabled() ? "" : ", autovacuum off");
        return SchemaFinding.about(TableMaintenanceRule.DESCRIPTOR.id(), database.name(), table.schema(),
                        table.table())
                .title(title)
                .evidence("table", table.qualifiedName())
                .evidence("liveRows", table.liveRows())
                .evidence("deadRows", table.deadRows())
                .evidence("deadRowsPercent", Impact.percent(deadShare))
                .evidence("rowsChangedSinceAnalyze", table.modifiedSinceAnalyze())
                .evidence("lastVacuum", when(table.lastVacuum()))
                .evidence("lastAnalyze", when(table.lastAnalyze()))
                .evidence("autovacuum", autovacuumState(database, table))
                .evidence("autovacuumVacuumsAfterDeadRows", Math.round(autovacuum.vacuumAfter(table.liveRows())))
                .evidence("autovacuumAnalyzesAfterChangedRows", Math.round(autovacuum.analyzeAfter(table.liveRows())))
                .evidence("size", SchemaFinding.size(table.sizeBytes()))
                .evidence("sizeBytes", table.sizeBytes())
                .bytes(deadBytes)
                .suggestion(Suggestion.withSql(advice(table, autovacuum, vacuum),
                        ddl(database, table, vacuum)))
                .build();
    }

    private static String autovacuumState(DatabaseFacts database, TableHealth table) {
        boolean offForTable = AutovacuumSettings.offFor(table.options());
        if (!database.autovacuum().enabled()) {
            return offForTable ? "off on the server, and for this table" : "off on the server";
        }
        if (offForTable) {
            return "off for this table";
        }
        return table.options().keySet().stream().anyMatch(k -> k.startsWith("autovacuum_"))
                ? "on, with settings of this table's own" : "on";
    }

    private static String advice(TableHealth table, AutovacuumSettings autovacuum, boolean vacuum) {
        String now = vacuum
                ? "Dead rows take room in the table and its indexes, slow sequential scans and index scans alike,"
                        + " and keep growing until a vacuum makes their space reusable. Run VACUUM (ANALYZE) now"
                        + " (it does not block reads or writes; it cannot run inside a transaction)."
                : "The planner estimates from statistics taken before these changes, and may pick bad plans."
                        + " Run ANALYZE now (quick, and it blocks nothing).";
        if (!autovacuum.enabled()) {
            return now + " Autovacuum is off (" + (AutovacuumSettings.offFor(table.options()) ? "for this table"
                    : "on the server") + "): turn it back on, or this comes back.";
        }
        return now + " Autovacuum waits for " + Math.round(autovacuum.vacuumAfter(table.liveRows()))
                + " dead rows on this table (" + String.format(Locale.ROOT, "%.0f%%", autovacuum.vacuumScaleFactor() * 100)
                + " of its rows): for a large or busy table, lower its scale factors so that it comes sooner and"
                + " does less each time; if it does run but cannot keep up, look for long transactions that"
                + " keep dead rows alive (pg_stat_activity's xact_start).";
    }

    private static String ddl(DatabaseFacts database, TableHealth table, boolean vacuum) {
        StringBuilder sql = new StringBuilder(vacuum ? "VACUUM (ANALYZE) " : "ANALYZE ").append(table.qualifiedName())
                .append(';');
        boolean offForTable = AutovacuumSettings.offFor(table.options());
        if (!database.autovacuum().enabled()) {
            sql.append("\n-- autovacuum is off on the server: set autovacuum = on in postgresql.conf");
        }
        if (offForTable) {
            sql.append("\nALTER TABLE ").append(table.qualifiedName()).append(" RESET (autovacuum_enabled);");
        } else if (database.autovacuum().enabled()) {
            sql.append("\nALTER TABLE ").append(table.qualifiedName()).append(" SET (").append(TUNED).append(");");
        }
        return sql.toString();
    }

    private static String when(Instant instant) {
        return instant == null ? "never" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
