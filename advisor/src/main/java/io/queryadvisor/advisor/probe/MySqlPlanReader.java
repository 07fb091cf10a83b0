package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads MariaDB's and MySQL's {@code EXPLAIN FORMAT=JSON} into a {@link Plan}.
 *
 * <p>Their JSON is a tree of blocks ({@code query_block}, {@code filesort}, {@code
 * block-nl-join}, {@code materialized}...) around {@code table} objects, with arrays
 * ({@code nested_loop}, {@code subqueries}) of wrappers. Every block becomes a node named by its
 * key, every table a node named by its access type, and a wrapper in an array stands for its
 * contents, so one walk reads both databases' shapes and any block this reader never heard of.
 */
final class MySqlPlanReader {

    private MySqlPlanReader() {
    }

    /** The plan in {@code json}; an {@link IllegalArgumentException} that says why when it holds none. */
    static Plan read(String json) {
        Map<String, Object> root = PlanJson.object(PlanJson.parse(json));
        Map<String, Object> block = root == null ? null : PlanJson.object(root.get("query_block"));
        if (block == null) {
            throw new IllegalArgumentException("not a MariaDB/MySQL JSON plan: no query_block");
        }
        return block("query_block", block);
    }

    private static Plan block(String name, Map<String, Object> n) {
        return new Plan(name, null, null, -1, cost(n), null, text(n, "attached_condition"), false, children(n));
    }

    private static Plan table(Map<String, Object> t) {
        String access = text(t, "access_type");
        String condition = t.get("ref") instanceof List<?> ref ? join(ref) : text(t, "index_condition");
        double rows = number(t, "rows");
        if (rows < 0) {
            rows = number(t, "rows_examined_per_scan"); // MySQL's name for it
        }
        return new Plan(access == null ? "table" : access, text(t, "table_name"), text(t, "key"), rows, cost(t),
                condition, text(t, "attached_condition"), "ALL".equals(access), children(t));
    }

    /** The blocks and tables inside {@code n}, in document order. */
    private static List<Plan> children(Map<String, Object> n) {
        List<Plan> out = new ArrayList<>();
        addChildren(n, out);
        return out;
    }

    private static void addChildren(Map<String, Object> n, List<Plan> out) {
        for (Map.Entry<String, Object> field : n.entrySet()) {
            Object value = field.getValue();
            if (field.getKey().equals("cost_info")) {
                continue; // MySQL's costs of this node, read by cost(), not a step of the plan
            }
            Map<String, Object> object = PlanJson.object(value);
            if (object != null) {
                out.add(field.getKey().equals("table") ? table(object) : block(field.getKey(), object));
            } else {
                for (Object element : PlanJson.array(value)) {
                    Map<String, Object> wrapper = PlanJson.object(element);
                    if (wrapper != null) {
                        addChildren(wrapper, out); // {"table": ...} in nested_loop, {"query_block": ...} in subqueries
                    }
                }
            }
        }
    }

    /** MySQL's {@code cost_info} (query or prefix cost); MariaDB 11's {@code cost}; -1 when neither says. */
    private static double cost(Map<String, Object> n) {
        Map<String, Object> info = PlanJson.object(n.get("cost_info"));
        if (info != null) {
            for (String field : new String[] {"query_cost", "prefix_cost", "read_cost"}) {
                if (info.containsKey(field)) {
                    return number(info, field);
                }
            }
        }
        return number(n, "cost");
    }

    private static String join(List<?> array) {
        List<String> parts = new ArrayList<>();
        for (Object value : array) {
            parts.add(String.valueOf(PlanJson.text(value)));
        }
        return String.join(", ", parts);
    }

    private static String text(Map<String, Object> n, String field) {
        return PlanJson.text(n.get(field));
    }

    private static double number(Map<String, Object> n, String field) {
        Object value = n.get(field);
        if (value instanceof Double d) {
            return d;
        }
        // MySQL writes some numbers as strings ("cost_info": {"query_cost": "1.25"})
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
