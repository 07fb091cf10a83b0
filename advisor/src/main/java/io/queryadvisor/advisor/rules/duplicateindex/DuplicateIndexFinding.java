package io.queryadvisor.advisor.rules.duplicateindex;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.queryadvisor.advisor.probe.SchemaIndex;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.SchemaFinding;

/** The finding of one group of identical indexes, or one index that a wider one covers. */
final class DuplicateIndexFinding {

    /** Names listed in a title or in the evidence; the DDL lists every one. */
    private static final int NAMES_SHOWN = 10;

    private DuplicateIndexFinding() {
    }

    /**
     * @param group the identical indexes (often just one)
     * @param wider the index that covers the group's kept one, or {@code null} when only copies go
     */
    static Recommendation of(String database, IndexCopies group, SchemaIndex wider) {
        SchemaIndex kept = group.kept();
        List<SchemaIndex> dropped = new ArrayList<>(group.dropped());
        if (wider != null) {
            dropped.add(0, kept);
        }
        long bytes = dropped.stream().mapToLong(SchemaIndex::sizeBytes).sum();
        String columns = "(" + String.join(", ", kept.columns()) + ")";
        String title = wider == null
                ? group.copies().size() + " identical indexes on " + kept.qualifiedTable() + " " + columns + ": keep "
                        + kept.name() + ", drop " + names(dropped)
                : "Index " + names(dropped) + " on " + kept.qualifiedTable() + " " + columns + " "
                        + (dropped.size() > 1 ? "are" : "is") + " covered by " + wider.name() + " ("
                        + String.join(", ", wider.columns()) + ")";
        SchemaFinding finding = SchemaFinding.about(DuplicateIndexRule.DESCRIPTOR.id(), database, kept.schema(),
                        kept.name())
                .title(title)
                .evidence("table", kept.qualifiedTable())
                .evidence("columns", String.join(", ", kept.columns()))
                .evidence("identicalIndexes", group.copies().size())
                .evidence("dropped", names(dropped))
                .evidence("kept", wider == null ? kept.name() : wider.name());
        if (wider != null) {
            finding.evidence("keptColumns", String.join(", ", wider.columns()));
        }
        return finding
                .evidence("sizeDropped", SchemaFinding.size(bytes))
                .evidence("sizeDroppedBytes", bytes)
                .evidence("indexWritesPaid", (kept.tableInserts() + kept.tableUpdates()) * dropped.size())
                .bytes(bytes)
                .suggestion(Suggestion.withSql(advice(group, wider), ddl(dropped)))
                .build();
    }

    private static String advice(IndexCopies group, SchemaIndex wider) {
        String why = wider == null
                ? "These indexes are identical but for their names: the planner uses one, every write updates all."
                        + (group.copies().size() > 2 ? " Copies that pile up like this usually come from a CREATE"
                        + " INDEX without a name (or without IF NOT EXISTS) that the application or a migration"
                        + " runs at every start: fix that too, or they come back." : "")
                : wider.name() + " starts with the same columns, in the same order, with the same operator"
                        + " classes and predicate: every query this index serves, it serves too, and every write"
                        + " updates both.";
        return why + " Drop the redundant ones with DROP INDEX CONCURRENTLY (it does not block the table; it cannot"
                + " run inside a transaction).";
    }

    private static String ddl(List<SchemaIndex> dropped) {
        return dropped.stream().map(i -> "DROP INDEX CONCURRENTLY " + i.qualifiedName() + ";")
                .collect(Collectors.joining("\n"));
    }

    private static String names(List<SchemaIndex> indexes) {
        String shown = indexes.stream().limit(NAMES_SHOWN).map(SchemaIndex::name).collect(Collectors.joining(", "));
        return indexes.size() <= NAMES_SHOWN ? shown : shown + " and " + (indexes.size() - NAMES_SHOWN) + " more";
    }
}
