package io.queryadvisor.advisor.rules.nplusone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.StatementParser;

/**
 * Rewrites the statement an N+1 loop runs once per key into one that loads every key at once:
 * {@code SELECT id, total FROM order_lines WHERE order_id = ?} becomes
 * {@code SELECT order_id, id, total FROM order_lines WHERE order_id = ANY(?)}, bound to an array of
 * all the keys (PostgreSQL; other databases take {@code IN (?, ?, ...)}). The key column is put in
 * the select list when it is not there, so the application can tell which row belongs to which key.
 *
 * <p>Only when that keeps the meaning: a single SELECT whose WHERE clause has exactly one
 * {@code column = ?} among its AND-ed conditions that the application binds (with several, which
 * one is the loop's key cannot be told; a {@code ?} the fingerprint put for a literal is told apart
 * by the statement as prepared, which is only read, never shown), and no LIMIT, OFFSET, aggregate
 * or GROUP BY, which would then apply to the rows of all keys together. Otherwise it says why, for
 * the suggestion to put in words.
 *
 * <p>Parses through {@link StatementParser#parseBounded}, within the fingerprinter's budget; it runs
 * once per finding and dialect, and the evidence caches the result.
 */
final class NPlusOneRewriter {

    /** Aggregate functions: over all keys at once they would merge what each key's query computed. */
    private static final Pattern AGGREGATE = Pattern.compile(
            "\\b(count|sum|avg|min|max|array_agg|string_agg|json_agg|jsonb_agg|json_object_agg|group_concat"
                    + "|listagg|bool_and|bool_or|every|stddev\\w*|variance|var_pop|var_samp)\\s*\\(");

    /**
     * The outcome: either {@code sql} loads every key at once, or {@code problem} says why there is none.
     *
     * @param sql       the rewritten statement, or {@code null}
     * @param keyColumn the column compared with {@code ?}, as written, or {@code null} when not found
     * @param problem   why it could not be rewritten, or {@code null}
     */
    record KeyRewrite(String sql, String keyColumn, String problem) {

        static KeyRewrite impossible(String keyColumn, String problem) {
            return new KeyRewrite(null, keyColumn, problem);
        }
    }

    private static final String IN_LIST_MARKER = "query_advisor_in_list_marker";

    private NPlusOneRewriter() {
    }

    /**
     * {@code fingerprint} rewritten to load every key at once.
     *
     * @param fingerprint the loop's fingerprint, literals masked as {@code ?}
     * @param prepared    the statement as the application prepared it, or {@code null}: where the
     *                    fingerprint has several {@code column = ?}, the one that is a parameter
     *                    there (the others were literals) is the key
     */
    static KeyRewrite allKeysAtOnce(String fingerprint, String prepared) {
        return allKeysAtOnce(fingerprint, prepared, Dialect.POSTGRESQL);
    }

    /**
     * As {@link #allKeysAtOnce(String, String)}, written for {@code dialect}: {@code = ANY(?)} bound to
     * an array on PostgreSQL, {@code IN (?, ?, ?)} with one parameter per key elsewhere.
     */
    static KeyRewrite allKeysAtOnce(String fingerprint, String prepared, Dialect dialect) {
        Statement parsed = parse(fingerprint);
        if (parsed == null) {
            return KeyRewrite.impossible(null, "the statement could not be parsed");
        }
        if (!(parsed instanceof PlainSelect select)) {
            return KeyRewrite.impossible(null, "it is not a single SELECT");
        }
        List<EqualsTo> keys = keyConditions(select);
        if (keys.size() > 1 && prepared != null) {
            keys = boundIn(prepared, keys);
        }
        if (keys.isEmpty()) {
            return KeyRewrite.impossible(null, "its WHERE clause has no simple column = ? condition");
        }
        if (keys.size() > 1) {
            return KeyRewrite.impossible(null, "its WHERE clause compares " + keys.size() + " columns with ? ("
                    + String.join(", ", keys.stream().map(k -> keyColumn(k).toString()).toList())
                    + "), and which of them changes from one execution to the next cannot be told");
        }
        EqualsTo key = keys.get(0);
        Column column = keyColumn(key);
        String problem = meaningChangingClause(select);
        if (problem != null) {
            return KeyRewrite.impossible(column.toString(), problem);
        }
        key.setLeftExpression(column);
        boolean array = dialect == Dialect.POSTGRESQL;
        // JSqlParser prints an EqualsTo as "left = right": a marker column stands for the IN list
        key.setRightExpression(array ? new Function("ANY", new JdbcParameter()) : new Column(IN_LIST_MARKER));
        if (!selects(select, column)) {
            List<SelectItem<?>> items = new ArrayList<>();
            items.add(new SelectItem<>(column));
            items.addAll(select.getSelectItems());
            select.setSelectItems(items);
        }
        String sql = select.toString();
        if (!array) {
            sql = sql.replace(" = " + IN_LIST_MARKER, " IN (?, ?, ?)");
        }
        return new KeyRewrite(sql, column.toString(), null);
    }

    /** The parse tree of {@code statement}, or {@code null} if it does not parse. */
    private static Statement parse(String statement) {
        return StatementParser.parseBounded(statement);
    }

    private static List<EqualsTo> keyConditions(PlainSelect select) {
        List<EqualsTo> keys = new ArrayList<>();
        collectKeyConditions(select.getWhere(), keys);
        return keys;
    }

    /** Those of {@code keys} whose column is compared with a parameter in {@code prepared}, if that says. */
    private static List<EqualsTo> boundIn(String prepared, List<EqualsTo> keys) {
        List<EqualsTo> bound = parse(prepared) instanceof PlainSelect select ? keyConditions(select) : List.of();
        if (bound.size() != 1) {
            return keys;
        }
        String column = lower(keyColumn(bound.get(0)).toString());
        List<EqualsTo> matching = keys.stream().filter(k -> lower(keyColumn(k).toString()).equals(column)).toList();
        return matching.size() == 1 ? matching : keys;
    }

    /** The {@code column = ?} conditions among the AND-ed terms of {@code where}. */
    private static void collectKeyConditions(Expression where, List<EqualsTo> keys) {
        if (where instanceof AndExpression and) {
            collectKeyConditions(and.getLeftExpression(), keys);
            collectKeyConditions(and.getRightExpression(), keys);
        } else if (where instanceof EqualsTo equals && keyColumn(equals) != null) {
            keys.add(equals);
        }
    }

    /** The column of {@code column = ?} or {@code ? = column}, else {@code null}. */
    private static Column keyColumn(EqualsTo equals) {
        Expression left = equals.getLeftExpression();
        Expression right = equals.getRightExpression();
        if (left instanceof Column c && right instanceof JdbcParameter) {
            return c;
        }
        return right instanceof Column c && left instanceof JdbcParameter ? c : null;
    }

    /** Why loading all keys in one statement would change what it computes, or {@code null}. */
    private static String meaningChangingClause(PlainSelect select) {
        if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null
                || select.getTop() != null) {
            return "it has LIMIT, OFFSET or FETCH, which would then count the rows of all keys together"
                    + " (number each key's rows with ROW_NUMBER() OVER (PARTITION BY the key) instead)";
        }
        boolean aggregates = select.getSelectItems().stream()
                .anyMatch(item -> AGGREGATE.matcher(lower(item.toString())).find());
        if (select.getGroupBy() != null || aggregates) {
            return "it aggregates, which would then merge the rows of all keys (select the key column and"
                    + " GROUP BY it instead)";
        }
        if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
            return "it is a SELECT DISTINCT ON, which would then pick among the rows of all keys together";
        }
        return null;
    }

    /** Whether the select list already returns {@code column}. */
    private static boolean selects(PlainSelect select, Column column) {
        String name = unquoted(column.getColumnName());
        String table = column.getTable() == null ? null : unquoted(column.getTable().getName());
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns star) {
                if (table != null && table.equals(unquoted(star.getTable().getName()))) {
                    return true;
                }
            } else if (e instanceof AllColumns) {
                return true;
            } else if (e instanceof Column c && name.equals(unquoted(c.getColumnName()))
                    && (item.getAlias() == null || name.equals(unquoted(item.getAlias().getName())))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String unquoted(String identifier) {
        String s = identifier;
        if (s.length() >= 2 && "\"`[".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1, s.length() - 1);
        }
        return lower(s);
    }
}
