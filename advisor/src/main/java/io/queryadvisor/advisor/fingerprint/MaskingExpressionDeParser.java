package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;

/**
 * JSqlParser's expression deparser, writing every literal and bind as {@code ?} and folding
 * {@code IN} lists and {@code ARRAY[...]} whose items read the same ({@link ListFolding}). It
 * counts the literals it masks, including those inside folded items.
 *
 * <p>One instance deparses one statement: it shares the deparser chain's builder and counts.
 */
final class MaskingExpressionDeParser extends ExpressionDeParser {

    private int literals;
    /** The IN list the next visit of that very list object folds; see {@link #inList}. */
    private ExpressionList<?> inListToFold;

    int literals() {
        return literals;
    }

    private StringBuilder mask() {
        literals++;
        return builder.append('?');
    }

    @Override
    public <S> StringBuilder visit(LongValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(DoubleValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(HexValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(StringValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(BooleanValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(DateValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(TimeValue value, S context) {
        return mask();
    }

    @Override
    public <S> StringBuilder visit(TimestampValue value, S context) {
        return mask();
    }

    /** {@code DATE '2024-01-31'}: the type is syntax, the text a value. */
    @Override
    public <S> StringBuilder visit(DateTimeLiteralExpression literal, S context) {
        builder.append(literal.getType().name()).append(' ');
        return mask();
    }

    @Override
    public <S> StringBuilder visit(IntervalExpression interval, S context) {
        if (interval.isUsingIntervalKeyword()) {
            builder.append("INTERVAL ");
        }
        if (interval.getExpression() != null) {
            interval.getExpression().accept(this, context);
        } else if (isLiteralText(interval.getParameter())) {
            mask();
        } else {
            builder.append(interval.getParameter());
        }
        if (interval.getIntervalType() != null) {
            builder.append(' ').append(interval.getIntervalType().toUpperCase(Locale.ROOT));
        }
        return builder;
    }

    /** JSqlParser keeps some interval values as raw text: {@code '1 day'}, {@code 5}, {@code -5}. */
    private static boolean isLiteralText(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '\'' || first == '-' || first == '+' || first == '.' || Character.isDigit(first);
    }

    /** {@code -5} is one literal, the same shape as {@code 5}; {@code -x} stays an expression. */
    @Override
    public <S> StringBuilder visit(SignedExpression signed, S context) {
        Expression inner = signed.getExpression();
        if (inner instanceof LongValue || inner instanceof DoubleValue) {
            return mask();
        }
        return super.visit(signed, context);
    }

    @Override
    public <S> StringBuilder visit(JdbcParameter parameter, S context) {
        return builder.append('?');
    }

    @Override
    public <S> StringBuilder visit(JdbcNamedParameter parameter, S context) {
        return builder.append('?');
    }

    @Override
    public <S> StringBuilder visit(NumericBind bind, S context) {
        return builder.append('?');
    }

    /** CURRENT_TIMESTAMP and friends are keywords; JSqlParser keeps them as written. */
    @Override
    public <S> StringBuilder visit(TimeKeyExpression timeKey, S context) {
        return builder.append(timeKey.getStringValue().toUpperCase(Locale.ROOT));
    }

    /** JSqlParser reads {@code SET a = default} as a column named "default"; it is the keyword. */
    @Override
    public <S> StringBuilder visit(Column column, S context) {
        if (column.getTable() == null && "DEFAULT".equalsIgnoreCase(column.getColumnName())) {
            return builder.append("DEFAULT");
        }
        return super.visit(column, context);
    }

    /** {@code cast(x AS int)} keeps the keyword as written; the node is ours to change. */
    @Override
    public <S> StringBuilder visit(CastExpression cast, S context) {
        if (cast.keyword != null) {
            cast.keyword = cast.keyword.toUpperCase(Locale.ROOT);
        }
        return super.visit(cast, context);
    }

    @Override
    public <S> StringBuilder visit(InExpression in, S context) {
        ParenthesedExpressionList<?> list = inList(in.getRightExpression());
        if (list == null || in.isGlobal() || in.getOldOracleJoinSyntax() != InExpression.NO_ORACLE_JOIN) {
            return super.visit(in, context);
        }
        in.getLeftExpression().accept(this, context);
        builder.append(in.isNot() ? " NOT IN " : " IN ");
        inListToFold = list;
        return in.getRightExpression().accept(this, context);
    }

    /**
     * The list of an {@code IN}. JSqlParser 5.3 parses {@code a IN (1, 2) AND b = 3} as
     * {@code a IN ((1, 2) AND b = 3)} (JSqlParser issues #2244, #2282, fixed after 5.3): the list
     * is then the leftmost operand of the right side. Deparsing that tree writes the original
     * text, so only finding the list to fold needs the workaround.
     */
    private static ParenthesedExpressionList<?> inList(Expression right) {
        Expression leftmost = right;
        while (leftmost instanceof BinaryExpression binary) {
            leftmost = binary.getLeftExpression();
        }
        return leftmost instanceof ParenthesedExpressionList<?> list ? list : null;
    }

    @Override
    public <S> StringBuilder visit(ExpressionList<? extends Expression> list, S context) {
        if (list == inListToFold) {
            inListToFold = null;
            return appendFolded(list, "(", ")");
        }
        return super.visit(list, context);
    }

    @Override
    public <S> StringBuilder visit(ArrayConstructor array, S context) {
        if (!array.isArrayKeyword() || array.getDataType() != null) {
            return super.visit(array, context);
        }
        builder.append("ARRAY");
        return appendFolded(array.getExpressions(), "[", "]");
    }

    /** Writes {@code items} between {@code open} and {@code close}, folded to one when they read the same. */
    StringBuilder appendFolded(List<? extends Expression> items, String open, String close) {
        builder.append(open);
        int start = builder.length();
        List<String> rendered = new ArrayList<>(items.size());
        for (Expression item : items) {
            item.accept(this, null);
            rendered.add(builder.substring(start));
            builder.setLength(start);
        }
        return builder.append(ListFolding.join(rendered)).append(close);
    }
}
