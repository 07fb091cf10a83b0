package io.queryadvisor.advisor.fingerprint;

import java.util.List;

import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Writes a parsed query or data change back as its fingerprint text: JSqlParser's deparser
 * (keywords upper case, names as written, comments and extra whitespace gone) with literals
 * masked and lists folded, then the {@link LiteralScrubber} for the literals the deparser writes
 * by {@code toString()}.
 *
 * <p>Other statements are not deparsed: JSqlParser writes much of DDL, SET and CALL back as the
 * raw words it read, so their keywords would keep the case they were written in. The
 * {@link TokenRenderer} normalises those.
 */
final class StatementMasker {

    private StatementMasker() {
    }

    static boolean handles(Statement statement) {
        return statement instanceof Select || statement instanceof Insert || statement instanceof Update
                || statement instanceof Delete || statement instanceof Merge || statement instanceof Upsert;
    }

    /** The deparsed text; the token rendering of {@code tokens} if the deparser fails on this tree. */
    static MaskedText maskOr(Statement statement, List<SqlToken> tokens) {
        try {
            return mask(statement);
        } catch (RuntimeException | StackOverflowError e) {
            return TokenRenderer.render(tokens);
        }
    }

    static MaskedText mask(Statement statement) {
        StringBuilder builder = new StringBuilder(256);
        MaskingExpressionDeParser expressions = new MaskingExpressionDeParser();
        MaskingSelectDeParser selects = new MaskingSelectDeParser(expressions, builder);
        statement.accept(new StatementDeParser(expressions, selects, builder), null);
        MaskedText scrubbed = LiteralScrubber.scrub(builder.toString());
        return new MaskedText(scrubbed.text(), expressions.literals() + scrubbed.literals());
    }
}
