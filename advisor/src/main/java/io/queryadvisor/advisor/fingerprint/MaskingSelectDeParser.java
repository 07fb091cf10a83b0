package io.queryadvisor.advisor.fingerprint;

import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

/**
 * JSqlParser's select deparser, folding the rows of a multi-row {@code VALUES} (a JDBC batch
 * rewritten into one INSERT, or a hand-built bulk insert) to one row when they read the same.
 */
final class MaskingSelectDeParser extends SelectDeParser {

    private final MaskingExpressionDeParser expressions;

    MaskingSelectDeParser(MaskingExpressionDeParser expressions, StringBuilder builder) {
        super(expressions, builder);
        this.expressions = expressions;
    }

    @Override
    public <S> StringBuilder visit(Values values, S context) {
        ExpressionList<?> rows = values.getExpressions();
        // JSqlParser holds a single row as the parenthesised list of its values, several rows as a
        // plain list of parenthesised rows
        if (rows instanceof ParenthesedExpressionList<?>) {
            return super.visit(values, context);
        }
        builder.append("VALUES ");
        expressions.appendFolded(rows, "", "");
        if (values.getAlias() != null) {
            builder.append(' ').append(values.getAlias());
        }
        return builder;
    }
}
