package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The columns of a write, for {@link SqlFacts}: what an UPDATE sets, and which columns the WHERE of
 * an UPDATE or DELETE compares with a value when it does nothing else ({@code WHERE id = ?}).
 *
 * <p>The tree is that of the statement as the application sent it, so a value is a bind or a
 * literal: both are a {@code ?} of the fingerprint, which is what a rule reads.
 */
final class WriteColumns {

    private WriteColumns() {
    }

    /** The columns {@code statement} sets, if it is an UPDATE. */
    static List<String> set(Statement statement) {
        if (!(statement instanceof Update update) || update.getUpdateSets() == null) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column column : set.getColumns()) {
                columns.add(name(column));
            }
        }
        return columns;
    }

    /**
     * The columns the WHERE of an UPDATE, a DELETE or a one-table SELECT (no join) compares with a
     * value, if it only does that: {@code SELECT ... FROM t WHERE id = ?} looks a row up by its key.
     */
    static List<String> whereEquals(Statement statement) {
        Expression where = statement instanceof Update update ? update.getWhere()
                : statement instanceof Delete delete ? delete.getWhere()
                : statement instanceof PlainSelect select && select.getJoins() == null ? select.getWhere() : null;
        List<String> columns = new ArrayList<>();
        return where != null && collect(where, columns) ? columns : List.of();
    }

    private static boolean collect(Expression condition, List<String> columns) {
        if (condition instanceof AndExpression and) {
            return collect(and.getLeftExpression(), columns) && collect(and.getRightExpression(), columns);
        }
        if (condition instanceof Parenthesis parenthesis) {
            return collect(parenthesis.getExpression(), columns);
        }
        if (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return collect(list.get(0), columns);
        }
        if (condition instanceof EqualsTo equals) {
            Column column = equals.getLeftExpression() instanceof Column c && isValue(equals.getRightExpression()) ? c
                    : equals.getRightExpression() instanceof Column c && isValue(equals.getLeftExpression()) ? c : null;
            if (column != null) {
                columns.add(name(column));
                return true;
            }
        }
        return false;
    }

    private static boolean isValue(Expression e) {
        if (e instanceof SignedExpression signed) {
            return isValue(signed.getExpression());
        }
        return e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof LongValue
                || e instanceof DoubleValue || e instanceof StringValue || e instanceof HexValue
                || e instanceof DateValue || e instanceof TimeValue || e instanceof TimestampValue;
    }

    /** {@code "Parent_Id"} and {@code c.parent_id} are {@code parent_id}. */
    private static String name(Column column) {
        return TokenFacts.unquote(column.getColumnName()).toLowerCase(Locale.ROOT);
    }
}
