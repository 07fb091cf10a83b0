package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * The safety net behind {@link MaskingExpressionDeParser}: JSqlParser deparses some nodes with
 * {@code toString()} instead of the visitor (ON CONFLICT actions, TOP, IS DISTINCT FROM, JSON
 * functions...), so their literals escape the masking. This pass masks whatever literal is left
 * in the deparsed text, drops comments JSqlParser writes back (column comments) and the spaces
 * it leaves inside some brackets, changing nothing else: the deparser's spelling and spacing
 * stay as they are.
 */
final class LiteralScrubber {

    private LiteralScrubber() {
    }

    /** The text with remaining literals and binds as {@code ?}; literals masked here are counted. */
    static MaskedText scrub(String deparsed) {
        List<SqlToken> tokens = SqlLexer.tokenize(deparsed);
        StringBuilder out = new StringBuilder(deparsed.length());
        int literals = 0;
        int previousEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.start() > previousEnd && i > 0 && !hugsBrackets(tokens.get(i - 1), token)) {
                out.append(' ');
            }
            previousEnd = token.end();
            if (LiteralTokens.isLiteral(tokens, i)) {
                out.append('?');
                literals++;
            } else if (token.kind() == SqlToken.Kind.PARAMETER) {
                out.append('?');
            } else {
                out.append(token.text());
            }
        }
        return new MaskedText(out.toString(), literals);
    }

    /** JSqlParser writes some lists as {@code ( id )}; no space belongs inside brackets. */
    private static boolean hugsBrackets(SqlToken before, SqlToken token) {
        return before.isSymbol("(") || before.isSymbol("[") || token.isSymbol(")") || token.isSymbol("]")
                || token.isSymbol(",");
    }
}
