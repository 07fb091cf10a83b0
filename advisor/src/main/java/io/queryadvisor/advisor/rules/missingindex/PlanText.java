package io.queryadvisor.advisor.rules.missingindex;

import java.util.Locale;

import io.queryadvisor.advisor.probe.Plan;

/**
 * A plan as a short readable tree, one node a line ({@code -> Seq Scan on customers (rows 1, cost
 * 458.00)}), for the evidence: node types, tables, indexes and estimates only. Conditions are
 * left out, since with sampled values they quote the application's data.
 */
final class PlanText {

    /** Deeper than this, a plan is cut: the evidence needs the scan, not every node of a huge plan. */
    private static final int MAX_NODES = 40;

    private PlanText() {
    }

    static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        int[] left = {MAX_NODES};
        append(plan, 0, out, left);
        return out.toString();
    }

    private static void append(Plan node, int depth, StringBuilder out, int[] left) {
        if (left[0]-- <= 0) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append("  ".repeat(depth)).append(depth == 0 ? "" : "-> ").append(node.nodeType());
        if (node.relation() != null) {
            out.append(" on ").append(node.relation());
        }
        if (node.index() != null) {
            out.append(" using ").append(node.index());
        }
        out.append(" (rows ").append(node.rows() < 0 ? "?" : String.valueOf(Math.round(node.rows())));
        if (node.totalCost() >= 0) {
            out.append(", cost ").append(String.format(Locale.ROOT, "%.2f", node.totalCost()));
        }
        out.append(')');
        for (Plan child : node.children()) {
            append(child, depth + 1, out, left);
        }
    }
}
