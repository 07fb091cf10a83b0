package io.queryadvisor.advisor.rules.missingindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the conditions an index could serve out of a plan's filter text: PostgreSQL's
 * {@code Filter} ({@code ((email)::text = 'a'::text)}, {@code ((k = $1) AND (g > 5))}) and
 * MariaDB's {@code attached_condition} ({@code `db`.`t`.`k` = 42 and `db`.`t`.`g` > 5}).
 *
 * <p>Only conjunctions are read: each part that compares one column of the scanned table with a
 * value (a literal, a parameter, an array) becomes a {@link ColumnCondition}. A filter with an
 * {@code OR} at its top is left alone (one index cannot serve it), and a part that compares two
 * columns, or calls a function on the column, is skipped. Values are never kept: they may be the
 * application's data.
 */
final class FilterConditions {

    private static final Pattern OPERATOR = Pattern.compile(
            "(?i)\\s(=|<>|!=|<=|>=|<|>|~~\\*|!~~|~~|like|not like)\\s");
    /** A column, maybe in parentheses, maybe qualified or quoted, maybe cast: {@code (c.email)::text}. */
    private static final Pattern COLUMN = Pattern.compile(
            "\\(*((?:[`\"]?[A-Za-z_][A-Za-z0-9_$]*[`\"]?\\.)*)[`\"]?([A-Za-z_][A-Za-z0-9_$]*)[`\"]?\\)*(::[a-z ]+)?");
    /** A value: a literal, a parameter, an array of them ({@code ANY ('{1,2}'::integer[])}), a constant. */
    private static final Pattern VALUE = Pattern.compile(
            "(?i)\\(*\\s*('|\\$\\d|-?\\d|any\\s*\\(\\s*('|\\$\\d|array\\[)|null\\b|true\\b|false\\b|current_date\\b).*");
    private static final Pattern PREFIX_PATTERN = Pattern.compile("\\(*'[^'%_]+%'.*");

    private FilterConditions() {
    }

    /** The conditions of {@code filter} an index could serve; empty when there are none, or it is not a conjunction. */
    static List<ColumnCondition> read(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        if (!splitConjunction(unwrap(filter.trim()), parts)) {
            return List.of();
        }
        List<ColumnCondition> out = new ArrayList<>();
        for (String part : parts) {
            ColumnCondition c = condition(unwrap(part.trim()));
            if (c != null && out.stream().noneMatch(o -> o.column().equals(c.column()) && o.kind() == c.kind())) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The column of the table known in the plan as {@code qualifier} that a join's condition
     * ({@code Hash Cond}, {@code Merge Cond}, {@code Join Filter}: {@code (l.order_id = o.id)})
     * compares for equality with a column of another, or {@code null} when it compares none.
     */
    static String joinColumn(String condition, String qualifier) {
        List<String> parts = new ArrayList<>();
        if (condition == null || qualifier == null || !splitConjunction(unwrap(condition.trim()), parts)) {
            return null;
        }
        for (String part : parts) {
            String p = unwrap(part.trim());
            int[] op = operatorAtTop(p);
            if (op == null || !p.substring(op[0], op[1]).trim().equals("=")) {
                continue;
            }
            Matcher left = COLUMN.matcher(p.substring(0, op[0]).trim());
            Matcher right = COLUMN.matcher(p.substring(op[1]).trim());
            if (left.matches() && right.matches()) {
                if (qualifies(left, qualifier) && !qualifies(right, qualifier)) {
                    return left.group(2);
                }
                if (qualifies(right, qualifier) && !qualifies(left, qualifier)) {
                    return right.group(2);
                }
            }
        }
        return null;
    }

    /** Whether a matched column is qualified with exactly {@code qualifier} (quotes aside). */
    private static boolean qualifies(Matcher column, String qualifier) {
        String q = column.group(1).replace("\"", "").replace("`", "");
        return q.equals(qualifier + ".");
    }

    private static ColumnCondition condition(String part) {
        int[] op = operatorAtTop(part);
        if (op == null) {
            return null;
        }
        String left = part.substring(0, op[0]).trim();
        String operator = part.substring(op[0], op[1]).trim().toLowerCase(Locale.ROOT);
        String right = part.substring(op[1]).trim();
        Matcher column = COLUMN.matcher(left);
        if (!column.matches() || !VALUE.matcher(right).matches()) {
            return null;
        }
        String name = column.group(2);
        return switch (operator) {
            case "=" -> new ColumnCondition(name, ColumnCondition.Kind.EQUALITY);
            case "<", "<=", ">", ">=" -> new ColumnCondition(name, ColumnCondition.Kind.RANGE);
            // a prefix pattern only: '%x' or a parameter cannot use a B-tree at all
            case "~~", "like" -> PREFIX_PATTERN.matcher(right).matches()
                    ? new ColumnCondition(name, ColumnCondition.Kind.PREFIX_LIKE) : null;
            default -> null; // <>, NOT LIKE, ILIKE: no B-tree range serves them
        };
    }

    /** Splits at every top-level AND; false when a top-level OR makes it no conjunction. */
    private static boolean splitConjunction(String text, List<String> into) {
        boolean[] top = topLevel(text);
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (top[i] && lower.startsWith(" or ", i)) {
                return false;
            }
            if (top[i] && lower.startsWith(" and ", i)) {
                into.add(text.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        into.add(text.substring(start));
        return true;
    }

    /** The first comparison operator outside quotes and parentheses: its start and end, or null. */
    private static int[] operatorAtTop(String part) {
        boolean[] top = topLevel(part);
        Matcher m = OPERATOR.matcher(part);
        while (m.find()) {
            if (top[m.start()]) {
                return new int[] {m.start(), m.end()};
            }
        }
        return null;
    }

    /** Removes parentheses that wrap the whole text, as many pairs as there are. */
    static String unwrap(String text) {
        String t = text;
        while (t.startsWith("(") && t.endsWith(")") && wrapsWhole(t)) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** Whether the first parenthesis of {@code t} closes only at its end: nothing in between is at the top. */
    private static boolean wrapsWhole(String t) {
        boolean[] top = topLevel(t);
        for (int i = 1; i < t.length(); i++) {
            if (top[i]) {
                return false;
            }
        }
        return true;
    }

    /** For each character, whether it stands outside every quote and parenthesis (as the text reaches it). */
    private static boolean[] topLevel(String text) {
        boolean[] top = new boolean[text.length()];
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            top[i] = depth == 0 && !quoted;
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            }
        }
        return top;
    }
}
