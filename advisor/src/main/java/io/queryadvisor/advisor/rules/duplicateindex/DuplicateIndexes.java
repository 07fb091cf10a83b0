package io.queryadvisor.advisor.rules.duplicateindex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.probe.SchemaIndex;
import io.queryadvisor.advisor.rules.Recommendation;

/**
 * Which indexes of one database are duplicates. Per table: identical indexes are grouped (one is
 * kept); then an index is covered by another when both are B-trees with the same predicate, its
 * key columns (with their operator classes, collations and orders) lead the other's, it carries no
 * included columns and enforces nothing (not unique, no constraint). Whatever a covered index
 * served, the covering one serves. Pure.
 */
final class DuplicateIndexes {

    private DuplicateIndexes() {
    }

    static List<Recommendation> find(SchemaFactsResult facts) {
        Map<String, List<SchemaIndex>> byTable = new LinkedHashMap<>();
        for (SchemaIndex index : facts.indexes()) {
            if (index.valid()) {
                byTable.computeIfAbsent(index.qualifiedTable(), t -> new ArrayList<>()).add(index);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (List<SchemaIndex> indexes : byTable.values()) {
            findInTable(facts.database().name(), indexes, out);
        }
        return out;
    }

    private static void findInTable(String database, List<SchemaIndex> indexes, List<Recommendation> out) {
        Map<String, List<SchemaIndex>> identical = new LinkedHashMap<>();
        for (SchemaIndex index : indexes) {
            identical.computeIfAbsent(IndexCopies.definitionWithoutName(index), d -> new ArrayList<>()).add(index);
        }
        List<IndexCopies> groups = identical.values().stream().map(IndexCopies::new).toList();
        List<SchemaIndex> kept = groups.stream().map(IndexCopies::kept).toList();
        for (IndexCopies group : groups) {
            SchemaIndex wider = covering(group.kept(), kept);
            if (!group.dropped().isEmpty() || wider != null) {
                out.add(DuplicateIndexFinding.of(database, group, wider));
            }
        }
    }

    /**
     * The index that serves whatever {@code index} serves and stays itself (is covered by none),
     * the narrowest such; {@code null} when there is none.
     */
    private static SchemaIndex covering(SchemaIndex index, List<SchemaIndex> candidates) {
        return candidates.stream()
                .filter(wider -> covers(wider, index) && candidates.stream().noneMatch(c -> covers(c, wider)))
                .min(Comparator.comparingInt((SchemaIndex i) -> i.keys().size()).thenComparing(SchemaIndex::name))
                .orElse(null);
    }

    /** Whether {@code wider} serves whatever {@code index} serves, so that {@code index} can go. */
    static boolean covers(SchemaIndex wider, SchemaIndex index) {
        if (wider == index || index.unique() || index.constraint() != null || index.includes() > 0
                || !"btree".equals(index.method()) || !"btree".equals(wider.method())
                || !Objects.equals(index.predicate(), wider.predicate())
                || index.keys().size() > wider.keys().size()
                || !wider.keys().subList(0, index.keys().size()).equals(index.keys())) {
            return false;
        }
        // same keys: the other must serve more (enforce uniqueness, or carry included columns)
        return index.keys().size() < wider.keys().size() || wider.unique() || wider.includes() > 0;
    }
}
