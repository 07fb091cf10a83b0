package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * Which tokens are literal values, the one rule shared by the token normaliser and the
 * {@link LiteralScrubber}: strings, numbers and the booleans {@code TRUE}/{@code FALSE}, except
 * where they are syntax rather than values — the numbers of a type modifier in a cast
 * ({@code x::numeric(10, 2)}, {@code CAST(x AS varchar(20))}) and the truth value of
 * {@code IS [NOT] TRUE}.
 */
final class LiteralTokens {

    private LiteralTokens() {
    }

    static boolean isLiteral(List<SqlToken> tokens, int index) {
        SqlToken token = tokens.get(index);
        return switch (token.kind()) {
            case STRING -> true;
            case NUMBER -> !isTypeModifier(tokens, index);
            case WORD -> (token.isWord("TRUE") || token.isWord("FALSE")) && !followsIs(tokens, index);
            default -> false;
        };
    }

    private static boolean followsIs(List<SqlToken> tokens, int index) {
        int before = index - 1;
        if (before >= 0 && tokens.get(before).isWord("NOT")) {
            before--;
        }
        return before >= 0 && tokens.get(before).isWord("IS");
    }

    /**
     * True when {@code tokens[index]}, a number, is one of the one or two numbers in the
     * parentheses of a cast's type. Looks at a fixed number of neighbours, so that a list of a
     * million numbers costs a million steps, not a million squared.
     */
    private static boolean isTypeModifier(List<SqlToken> tokens, int index) {
        int open = index - 1;
        if (at(tokens, open, ",") && isNumber(tokens, open - 1)) {
            open -= 2;
        }
        int close = index + 1;
        if (at(tokens, close, ",") && isNumber(tokens, close + 1)) {
            close += 2;
        }
        if (close - open > 4 || !at(tokens, open, "(") || !at(tokens, close, ")") || open < 2) {
            return false;
        }
        int typeName = open - 1;
        if (tokens.get(typeName).kind() != SqlToken.Kind.WORD) {
            return false;
        }
        // the two-word types that take a modifier: "character varying(20)", "bit varying(5)"
        if (tokens.get(typeName).isWord("VARYING") && typeName > 1
                && tokens.get(typeName - 1).kind() == SqlToken.Kind.WORD) {
            typeName--;
        }
        SqlToken cast = tokens.get(typeName - 1);
        return cast.isSymbol("::") || cast.isWord("AS");
    }

    private static boolean at(List<SqlToken> tokens, int index, String symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    private static boolean isNumber(List<SqlToken> tokens, int index) {
        return index >= 0 && index < tokens.size() && tokens.get(index).kind() == SqlToken.Kind.NUMBER;
    }
}
