package io.queryadvisor.advisor.rules.tablemaintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.probe.AutovacuumSettings;
import io.queryadvisor.advisor.probe.DatabaseFacts;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.probe.TableHealth;
import io.queryadvisor.advisor.rules.Recommendation;

/**
 * Which tables of one database need a vacuum or an analyze, as findings. A table is judged only
 * from {@code minRows} rows (live and dead); it needs a vacuum when its dead rows are at least
 * {@code deadShare} of its rows, or when they are {@code overdueFactor} times what autovacuum waits
 * for and it has not been vacuumed for {@code overdueAfter}; an analyze likewise, from the rows
 * changed since the last one. Pure.
 */
final class TableMaintenance {

    private final long minRows;
    private final double deadShare;
    private final double overdueFactor;
    private final Duration overdueAfter;

    TableMaintenance(long minRows, double deadShare, double overdueFactor, Duration overdueAfter) {
        this.minRows = minRows;
        this.deadShare = deadShare;
        this.overdueFactor = overdueFactor;
        this.overdueAfter = overdueAfter;
    }

    List<Recommendation> find(SchemaFactsResult facts, Instant now) {
        DatabaseFacts database = facts.database();
        if (!database.counting() || database.replica()) {
            return List.of(); // no counts, or a standby's: its primary vacuums the tables
        }
        List<Recommendation> out = new ArrayList<>();
        for (TableHealth table : facts.tables()) {
            long rows = table.liveRows() + table.deadRows();
            if (rows < minRows || rows == 0) {
                continue;
            }
            AutovacuumSettings autovacuum = database.autovacuum().forTable(table.options());
            double share = (double) table.deadRows() / rows;
            boolean vacuum = share >= deadShare || (table.deadRows() >= overdueFactor
                    * autovacuum.vacuumAfter(table.liveRows()) && longAgo(table.lastVacuum(), now));
            boolean analyze = table.modifiedSinceAnalyze() >= overdueFactor
                    * autovacuum.analyzeAfter(table.liveRows()) && longAgo(table.lastAnalyze(), now);
            if (vacuum || analyze) {
                out.add(TableMaintenanceFinding.of(database, table, autovacuum, vacuum, analyze, share));
            }
        }
        return out;
    }

    private boolean longAgo(Instant last, Instant now) {
        return last == null || Duration.between(last, now).compareTo(overdueAfter) >= 0;
    }
}
