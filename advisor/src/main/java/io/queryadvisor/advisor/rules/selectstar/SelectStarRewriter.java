package io.queryadvisor.advisor.rules.selectstar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import io.queryadvisor.advisor.fingerprint.StatementParser;

/**
 * Rewrites a statement's top-level select list so that its star names the columns the application
 * read: {@code SELECT * FROM orders WHERE id = ?} read for {@code id, total} becomes
 * {@code SELECT id, total FROM orders WHERE id = ?}; {@code SELECT o.*, c.name ...} becomes
 * {@code SELECT o.id, o.total, c.name ...}. Labels the select list already names explicitly are
 * not put in again. Read nothing, and the whole list becomes {@code 1}.
 *
 * <p>When that cannot be done safely it says why, in words a developer reads next to the column
 * list: several stars (which table a column comes from cannot be told), UNION and friends, DISTINCT
 * (a narrower list changes the rows), a star only inside a subquery or CTE.
 *
 * <p>Parses through {@link StatementParser#parseBounded}, within the fingerprinter's budget: a
 * text JSqlParser backtracks on for minutes must not stop the advisor. The rule caches the result.
 */
final class SelectStarRewriter {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /**
     * The outcome: either {@code sql} is the rewritten statement, or {@code problem} says why there is none.
     *
     * @param sql           the statement with its top-level stars replaced, or {@code null}
     * @param problem       why it could not be rewritten, or {@code null}
     * @param starsReplaced top-level stars replaced
     * @param joins         the statement joins tables, so a bare column name may need qualifying
     */
    record StarRewrite(String sql, String problem, int starsReplaced, boolean joins) {

        static StarRewrite impossible(String problem) {
            return new StarRewrite(null, problem, 0, false);
        }
    }

    private SelectStarRewriter() {
    }

    /** {@code statement} with its top-level star(s) replaced by {@code labels} (empty: by {@code 1}). */
    static StarRewrite rewrite(String statement, List<String> labels) {
        Statement parsed = StatementParser.parseBounded(statement);
        if (parsed == null) {
            return StarRewrite.impossible("the statement could not be parsed");
        }
        if (!(parsed instanceof PlainSelect select)) {
            return StarRewrite.impossible("it is not a single SELECT (UNION, INTERSECT or EXCEPT combine several;"
                    + " narrow each of them)");
        }
        List<SelectItem<?>> items = select.getSelectItems();
        long stars = items.stream().filter(i -> i.getExpression() instanceof AllColumns).count();
        if (stars == 0) {
            return StarRewrite.impossible("its star is inside a subquery or CTE: list there only the columns the"
                    + " outer query uses (a star inside EXISTS (...) costs nothing: no column is read for it)");
        }
        if (select.getDistinct() != null) {
            return StarRewrite.impossible("it is a SELECT DISTINCT, so a narrower select list can change which rows"
                    + " come back");
        }
        boolean joins = select.getJoins() != null && !select.getJoins().isEmpty();
        if (labels.isEmpty()) {
            select.setSelectItems(List.of(new SelectItem<>(new LongValue(1))));
            return new StarRewrite(select.toString(), null, (int) stars, joins);
        }
        List<String> fromStar = notNamedExplicitly(labels, items);
        if (stars > 1 && !fromStar.isEmpty()) {
            return StarRewrite.impossible("it selects several stars, so which table each column comes from cannot"
                    + " be told");
        }
        select.setSelectItems(replaceStars(items, fromStar));
        return new StarRewrite(select.toString(), null, (int) stars, joins);
    }

    /** The labels that the explicit (non-star) items of the select list do not already produce. */
    private static List<String> notNamedExplicitly(List<String> labels, List<SelectItem<?>> items) {
        Set<String> explicit = new TreeSet<>();
        for (SelectItem<?> item : items) {
            if (item.getAlias() != null) {
                explicit.add(lower(item.getUnquotedAliasName()));
            } else if (item.getExpression() instanceof Column c) {
                explicit.add(lower(unquote(c.getColumnName())));
            }
        }
        return labels.stream().filter(l -> !explicit.contains(lower(l))).toList();
    }

    private static List<SelectItem<?>> replaceStars(List<SelectItem<?>> items, List<String> columns) {
        List<SelectItem<?>> replaced = new ArrayList<>();
        for (SelectItem<?> item : items) {
            if (!(item.getExpression() instanceof AllColumns star)) {
                replaced.add(item);
                continue;
            }
            Table qualifier = star instanceof AllTableColumns t ? t.getTable() : null;
            for (String name : columns) {
                replaced.add(new SelectItem<>(new Column(qualifier, quoted(name))));
            }
        }
        return replaced;
    }

    /**
     * A label as an SQL identifier. Plain names stay unquoted: JDBC matched the label without case,
     * and quoting would make the database match it with case.
     */
    private static String quoted(String label) {
        return PLAIN_IDENTIFIER.matcher(label).matches() ? label : '"' + label.replace("\"", "\"\"") + '"';
    }

    private static String unquote(String identifier) {
        if (identifier.length() >= 2 && "\"`[".indexOf(identifier.charAt(0)) >= 0) {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
