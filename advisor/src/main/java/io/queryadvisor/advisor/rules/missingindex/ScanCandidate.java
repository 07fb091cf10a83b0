package io.queryadvisor.advisor.rules.missingindex;

import java.util.List;
import java.util.stream.Collectors;

import io.queryadvisor.advisor.probe.Plan;

/**
 * A node of a plan that reads a whole table and filters what it reads, with the conditions an
 * index could serve.
 *
 * @param node       the plan node (a PostgreSQL {@code Seq Scan}, a MariaDB access type {@code ALL})
 * @param conditions what the filter compares, in the filter's order; never empty
 */
record ScanCandidate(Plan node, List<ColumnCondition> conditions) {

    ScanCandidate {
        conditions = List.copyOf(conditions);
    }

    /** The full scans of {@code plan} that filter on something an index could serve, in plan order. */
    static List<ScanCandidate> in(Plan plan) {
        return plan.fullScans().stream()
                .filter(n -> n.relation() != null)
                .map(n -> new ScanCandidate(n, FilterConditions.read(n.filter())))
                .filter(c -> !c.conditions().isEmpty())
                .toList();
    }

    String table() {
        return node.relation();
    }

    List<String> columns() {
        return conditions.stream().map(ColumnCondition::column).distinct().toList();
    }

    /**
     * The node as evidence: its type, table and what it filters on, with {@code ?} for every value
     * (the filter the database printed may quote the application's bind values).
     */
    String describe() {
        return node.nodeType() + " on " + table() + ", filter: " + conditions.stream()
                .map(c -> c.column() + switch (c.kind()) {
                    case EQUALITY -> " = ?";
                    case RANGE -> " compared with ?";
                    case PREFIX_LIKE -> " LIKE '?%'";
                })
                .collect(Collectors.joining(" AND "));
    }
}
