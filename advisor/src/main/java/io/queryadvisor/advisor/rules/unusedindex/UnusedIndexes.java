package io.queryadvisor.advisor.rules.unusedindex;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.probe.DatabaseFacts;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.probe.SchemaIndex;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.SchemaFinding;

/** Which indexes of one database's schema facts are unused, as findings. Pure. */
final class UnusedIndexes {

    private final long maxScans;
    private final Duration minStatsAge;

    UnusedIndexes(long maxScans, Duration minStatsAge) {
        this.maxScans = maxScans;
        this.minStatsAge = minStatsAge;
    }

    List<Recommendation> find(SchemaFactsResult facts, Instant now) {
        DatabaseFacts database = facts.database();
        // no counters, a standby's own counters (the primary's reads are not in them), or counters
        // too young to have seen a weekly job: nothing can be said
        if (!database.counting() || database.replica()
                || Duration.between(database.statsSince(), now).compareTo(minStatsAge) < 0) {
            return List.of();
        }
        List<Recommendation> out = new ArrayList<>();
        for (SchemaIndex index : facts.indexes()) {
            if (index.valid() && !index.unique() && index.constraint() == null && index.scans() <= maxScans) {
                out.add(finding(database, index, now));
            }
        }
        return out;
    }

    private static Recommendation finding(DatabaseFacts database, SchemaIndex index, Instant now) {
        String since = LocalDate.ofInstant(database.statsSince(), ZoneOffset.UTC).toString();
        long days = Duration.between(database.statsSince(), now).toDays();
        long writesPaid = index.tableInserts() + index.tableUpdates();
        String size = SchemaFinding.size(index.sizeBytes());
        return SchemaFinding.about(UnusedIndexRule.DESCRIPTOR.id(), database.name(), index.schema(), index.name())
                .title("Unused index " + index.name() + " on " + index.qualifiedTable() + " (" + String.join(", ",
                        index.columns()) + "): " + index.scans() + " scans since " + since + ", " + size
                        + ", written by " + writesPaid + " row writes")
                .evidence("index", index.qualifiedName())
                .evidence("table", index.qualifiedTable())
                .evidence("columns", String.join(", ", index.columns()))
                .evidence("scans", index.scans())
                .evidence("countedSince", since + (database.statsReset() ? " (statistics reset)" : " (server start)"))
                .evidence("countedForDays", days)
                .evidence("size", size)
                .evidence("sizeBytes", index.sizeBytes())
                .evidence("rowsInsertedInTable", index.tableInserts())
                .evidence("rowsUpdatedInTable", index.tableUpdates())
                .evidence("indexWritesPaid", writesPaid)
                .bytes(index.sizeBytes())
                .suggestion(Suggestion.withSql(advice(index, since), ddl(index)))
                .build();
    }

    private static String advice(SchemaIndex index, String since) {
        StringBuilder text = new StringBuilder("Nothing has read this index since ").append(since)
                .append(", yet every insert and every update that is not HOT writes it. Drop it with DROP INDEX"
                        + " CONCURRENTLY (it does not block the table's reads and writes; it cannot run inside a"
                        + " transaction). Before you do: the counters are this server's own, so check that no"
                        + " replica reads it (pg_stat_user_indexes there), and that no job rarer than the"
                        + " counting period (a monthly report) needs it. Keep its definition to create it again.");
        if (index.foreignKey() != null) {
            text.append(" It covers foreign key ").append(index.foreignKey()).append(": without it, each DELETE"
                    + " of a referenced row, or change of its key, scans ").append(index.qualifiedTable())
                    .append(" (nothing has done so since ").append(since).append(").");
        }
        return text.toString();
    }

    private static String ddl(SchemaIndex index) {
        return "-- to create it again: " + index.definition() + ";\n"
                + "DROP INDEX CONCURRENTLY " + index.qualifiedName() + ";";
    }
}
