package io.queryadvisor.advisor.probe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    private MySqlPlanReader() {
    }

    static Plan read(String json) throws JsonProcessingException {
        JsonNode root = JSON.readTree(json);
        JsonNode block = root.path("query_block");
        if (!block.isObject()) {
            throw new IllegalArgumentException("not a MariaDB/MySQL JSON plan: no query_block");
        }
        return block("query_block", block);
    }

    private static Plan block(String name, JsonNode n) {
        return new Plan(name, null, null, -1, cost(n), null, text(n, "attached_condition"), false, children(n));
    }

    private static Plan table(JsonNode t) {
        String access = text(t, "access_type");
        JsonNode ref = t.get("ref");
        String condition = ref != null && ref.isArray() ? join(ref) : text(t, "index_condition");
        double rows = number(t, "rows");
        if (rows < 0) {
            rows = number(t, "rows_examined_per_scan"); // MySQL's name for it
        }
        return new Plan(access == null ? "table" : access, text(t, "table_name"), text(t, "key"), rows, cost(t),
                condition, text(t, "attached_condition"), "ALL".equals(access), children(t));
    }

    /** The blocks and tables inside {@code n}, in document order. */
    private static List<Plan> children(JsonNode n) {
        List<Plan> out = new ArrayList<>();
        addChildren(n, out);
        return out;
    }

    private static void addChildren(JsonNode n, List<Plan> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("cost_info")) {
                continue; // MySQL's costs of this node, read by cost(), not a step of the plan
            }
            if (value.isObject()) {
                out.add(field.getKey().equals("table") ? table(value) : block(field.getKey(), value));
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        addChildren(element, out); // {"table": ...} in nested_loop, {"query_block": ...} in subqueries
                    }
                }
            }
        }
    }

    /** MySQL's {@code cost_info} (query or prefix cost); MariaDB 11's {@code cost}; -1 when neither says. */
    private static double cost(JsonNode n) {
        JsonNode info = n.get("cost_info");
        if (info != null) {
            for (String field : new String[] {"query_cost", "prefix_cost", "read_cost"}) {
                JsonNode v = info.get(field);
                if (v != null) {
                    return v.asDouble(-1);
                }
            }
        }
        return number(n, "cost");
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode value = n.get(field);
        // MySQL writes some numbers as strings ("cost_info": {"query_cost": "1.25"})
        return value == null ? -1 : value.asDouble(-1);
    }
}
