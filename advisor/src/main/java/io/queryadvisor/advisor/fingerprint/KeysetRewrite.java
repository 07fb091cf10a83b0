package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The {@link Paging} of a parsed statement: an OFFSET page rewritten as a keyset page of the same
 * query, and whether the statement is a page count. Runs once per statement shape, with the parse
 * the fingerprint made, so that no rule ever parses SQL.
 *
 * <p>The keyset page keeps the query's columns, tables and filter, drops the OFFSET and seeks past
 * the last row of the previous page instead: {@code WHERE <filter> AND (k1, k2) > (?, ?) ORDER BY
 * k1, k2 LIMIT ?} ({@code <} when every key descends; with mixed directions the comparison is spelt
 * out as {@code k1 > ? OR (k1 = ? AND k2 < ?)}). A keyset needs a unique last key: when no key of
 * the ORDER BY is an {@code id}, the {@code id} of the first table is added as the tie-breaker.
 */
final class KeysetRewrite {

    private KeysetRewrite() {
    }

    /** The paging of {@code statement} read from this text's {@code tokens}; {@link Paging#NONE} for none. */
    static Paging of(Statement statement, List<SqlToken> tokens, SqlFacts facts) {
        boolean counts = statement instanceof PlainSelect select && countsRows(select);
        if (!facts.hasOffset() && !counts) {
            return Paging.NONE;
        }
        PageBounds bounds = facts.hasOffset() ? PageTokens.read(tokens) : PageBounds.NONE;
        if (!(statement instanceof PlainSelect select) || !facts.hasOffset() || !hasOffset(select)
                || select.getOrderByElements() == null || select.getOrderByElements().isEmpty()) {
            return new Paging(bounds, List.of(), null, counts);
        }
        List<String> sortKeys = select.getOrderByElements().stream().map(Object::toString).toList();
        String keyset;
        try {
            keyset = rewrite(select); // last: it changes the tree, which the fingerprint has read already
        } catch (JSQLParserException | RuntimeException e) {
            keyset = null;
        }
        return new Paging(bounds, sortKeys, keyset, false);
    }

    /** Token-read paging, for a text JSqlParser could not read: the bounds only. */
    static Paging ofTokens(List<SqlToken> tokens, SqlFacts facts) {
        return facts.hasOffset() ? new Paging(PageTokens.read(tokens), List.of(), null, false) : Paging.NONE;
    }

    private static boolean hasOffset(PlainSelect select) {
        return select.getOffset() != null || select.getLimit() != null && select.getLimit().getOffset() != null;
    }

    private static boolean countsRows(PlainSelect select) {
        return select.getSelectItems() != null && select.getSelectItems().size() == 1 && select.getGroupBy() == null
                && select.getSelectItems().get(0).getExpression() instanceof Function f
                && f.getName() != null && f.getName().equalsIgnoreCase("count");
    }

    private static String rewrite(PlainSelect select) throws JSQLParserException {
        List<OrderByElement> keys = new ArrayList<>(select.getOrderByElements());
        if (keys.stream().noneMatch(KeysetRewrite::isId)) {
            String qualifier = select.getFromItem() != null && select.getFromItem().getAlias() != null
                    ? select.getFromItem().getAlias().getName() + "." : "";
            OrderByElement id = new OrderByElement();
            id.setExpression(new Column(qualifier + "id"));
            id.setAsc(keys.get(keys.size() - 1).isAsc());
            keys.add(id);
        }
        Expression seek = CCJSqlParserUtil.parseCondExpression(seekCondition(keys));
        if (seek instanceof OrExpression) {
            seek = new ParenthesedExpressionList<>(seek);
        }
        Expression where = select.getWhere();
        if (where instanceof OrExpression) {
            where = new ParenthesedExpressionList<>(where);
        }
        select.setWhere(where == null ? seek : new AndExpression(where, seek));
        select.setOrderByElements(keys);
        select.setOffset(null);
        select.setFetch(null);
        select.setLimit(new Limit().withRowCount(new JdbcParameter()));
        return StatementMasker.mask(select).text();
    }

    private static boolean isId(OrderByElement key) {
        return key.getExpression() instanceof Column c && c.getColumnName().toLowerCase(Locale.ROOT).equals("id");
    }

    /** {@code a > ?} for one key, {@code (a, b) > (?, ?)} when every key goes one way; else spelt out key by key. */
    private static String seekCondition(List<OrderByElement> keys) {
        boolean ascending = keys.get(0).isAsc();
        if (keys.size() == 1) {
            return keys.get(0).getExpression() + (ascending ? " > ?" : " < ?");
        }
        if (keys.stream().allMatch(k -> k.isAsc() == ascending)) {
            List<String> names = keys.stream().map(k -> k.getExpression().toString()).toList();
            String marks = String.join(", ", names.stream().map(n -> "?").toList());
            return "(" + String.join(", ", names) + ") " + (ascending ? ">" : "<") + " (" + marks + ")";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder term = new StringBuilder();
            for (int j = 0; j < i; j++) {
                term.append(keys.get(j).getExpression()).append(" = ? AND ");
            }
            term.append(keys.get(i).getExpression()).append(keys.get(i).isAsc() ? " > ?" : " < ?");
            terms.add(i == 0 ? term.toString() : "(" + term + ")");
        }
        return String.join(" OR ", terms);
    }
}
