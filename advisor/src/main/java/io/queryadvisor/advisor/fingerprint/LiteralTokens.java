package io.queryadvisor.advisor.fingerprint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which tokens are literal values, the one rule shared by the token normaliser and the
 * {@link LiteralScrubber}: strings, numbers and the booleans {@code TRUE}/{@code FALSE}, except
 * where they are syntax rather than values — the numbers of a type modifier in a cast
 * ({@code x::numeric(10, 2)}, {@code CAST(x AS varchar(20))}) or a column definition
 * ({@code name varchar(64)}) and the truth value of {@code IS [NOT] TRUE}. Two kinds of bare
 * word are values too, because a password can be written unquoted there: the word after
 * {@code IDENTIFIED BY} (Oracle) and a value assigned by a SET statement
 * ({@code SET app.secret TO s3cret}).
 */
final class LiteralTokens {

    /** Types that take a length or precision; a number in their parentheses is no value. */
    private static final Set<String> SIZED_TYPES = Set.of(
        "CHAR", "CHARACTER", "VARCHAR", "VARCHAR2", "NCHAR", "NVARCHAR", "NVARCHAR2", "VARYING", "BINARY",
        "VARBINARY", "BIT", "VARBIT", "NUMERIC", "DECIMAL", "DEC", "NUMBER", "FLOAT", "DOUBLE", "REAL", "TIME",
        "TIMESTAMP", "TIMESTAMPTZ", "TIMETZ", "DATETIME", "INTERVAL", "INT", "INTEGER", "TINYINT", "SMALLINT",
        "MEDIUMINT", "BIGINT", "YEAR", "RAW", "TEXT", "BLOB", "CLOB");

    private static final int MAX_LOOK_BACK = 64;

    private LiteralTokens() {
    }

    static boolean isLiteral(List<SqlToken> tokens, int index) {
        SqlToken token = tokens.get(index);
        return switch (token.kind()) {
            case STRING -> true;
            case NUMBER -> !isTypeModifier(tokens, index);
            case WORD -> (token.isWord("TRUE") || token.isWord("FALSE")) && !followsIs(tokens, index)
                    || isBareValue(tokens, index);
            default -> false;
        };
    }

    /** A word that is a value: after {@code IDENTIFIED BY}, or assigned in a SET statement. */
    private static boolean isBareValue(List<SqlToken> tokens, int index) {
        if (Keywords.isKeyword(tokens.get(index))) {
            return false;
        }
        if (index >= 2 && tokens.get(index - 1).isWord("BY") && tokens.get(index - 2).isWord("IDENTIFIED")) {
            return true;
        }
        return tokens.get(0).isWord("SET") && isAssignedValue(tokens, index);
    }

    /**
     * {@code SET x = value}, {@code SET x TO value}, {@code SET x TO a, b}: a word right after the
     * assignment, or after a comma of its value list, that is no function, no qualified name and
     * not itself assigned ({@code SET @a = 1, @b = 2}).
     */
    private static boolean isAssignedValue(List<SqlToken> tokens, int index) {
        SqlToken before = tokens.get(index - 1);
        SqlToken after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        if (before.isSymbol(".") || after != null && (after.isSymbol("(") || after.isSymbol("."))) {
            return false;
        }
        if (before.isSymbol("=") || before.isSymbol(":=") || before.isWord("TO")) {
            return true;
        }
        boolean assignedItself = after != null && (after.isSymbol("=") || after.isSymbol(":=") || after.isWord("TO"));
        return before.isSymbol(",") && !assignedItself && assignmentBefore(tokens, index);
    }

    /**
     * Whether an assignment comes before {@code index}. Looks back a bounded distance, so that a
     * long value list costs linear time; beyond it the word is taken for a value, which at worst
     * masks a name.
     */
    private static boolean assignmentBefore(List<SqlToken> tokens, int index) {
        int limit = Math.max(1, index - MAX_LOOK_BACK);
        for (int i = index - 1; i >= limit; i--) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("=") || token.isSymbol(":=") || token.isWord("TO")) {
                return true;
            }
        }
        return index - 1 >= MAX_LOOK_BACK;
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
     * parentheses of a type: in a cast ({@code ::}, {@code AS}), or of a column (a sized type
     * right after a name: {@code total numeric(10, 2)}, {@code TYPE varchar(20)}). Looks at a
     * fixed number of neighbours, so that a list of a million numbers costs a million steps, not
     * a million squared.
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
        if (cast.isSymbol("::") || cast.isWord("AS")) {
            return true;
        }
        // a column's type: after the column's name, never after a keyword (DEFAULT char(65) is a call)
        return SIZED_TYPES.contains(tokens.get(open - 1).text().toUpperCase(Locale.ROOT))
                && cast.isName() && !Keywords.isKeyword(cast);
    }

    private static boolean at(List<SqlToken> tokens, int index, String symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    private static boolean isNumber(List<SqlToken> tokens, int index) {
        return index >= 0 && index < tokens.size() && tokens.get(index).kind() == SqlToken.Kind.NUMBER;
    }
}
