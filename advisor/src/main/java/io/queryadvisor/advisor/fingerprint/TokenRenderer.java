package io.queryadvisor.advisor.fingerprint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/**
 * Writes a statement's tokens as normalised text, by the same rules as the JSqlParser path:
 * literals and binds as {@code ?}, {@code IN} lists, {@code VALUES} rows and {@code ARRAY[...]}
 * folded ({@link ListFolding}), keywords upper case, names as written, one space between tokens
 * where SQL needs one. It is the fallback for what JSqlParser cannot parse, and the normaliser of
 * statements whose deparsed form would not be normalised (DDL, SET, CALL, transaction control).
 */
final class TokenRenderer {

    /** Deeper folded lists are written unfolded; keeps the recursion far from the stack's end. */
    private static final int MAX_FOLD_DEPTH = 32;

    private final List<SqlToken> tokens;
    private final int[] partner;
    private int literals;

    private TokenRenderer(List<SqlToken> tokens) {
        this.tokens = tokens;
        this.partner = pairBrackets(tokens);
    }

    /** Renders {@code tokens}, every literal masked. */
    static MaskedText render(List<SqlToken> tokens) {
        TokenRenderer renderer = new TokenRenderer(tokens);
        String text = renderer.range(0, tokens.size(), 0);
        return new MaskedText(text, renderer.literals);
    }

    /** For each opening or closing bracket, the index of its partner; -1 if it has none. */
    private static int[] pairBrackets(List<SqlToken> tokens) {
        int[] partner = new int[tokens.size()];
        Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(") || token.isSymbol("[")) {
                open.push(i);
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                String expected = token.isSymbol(")") ? "(" : "[";
                if (!open.isEmpty() && tokens.get(open.peek()).isSymbol(expected)) {
                    int opening = open.pop();
                    partner[opening] = i;
                    partner[i] = opening;
                }
            }
        }
        return partner;
    }

    private String range(int from, int to, int depth) {
        Line line = new Line();
        int i = from;
        while (i < to) {
            i = write(line, i, from, to, depth);
        }
        return line.toString();
    }

    /** Writes the token at {@code i}, or the folded list it starts, and returns the index after it. */
    private int write(Line line, int i, int from, int to, int depth) {
        SqlToken token = tokens.get(i);
        if (depth < MAX_FOLD_DEPTH && i + 1 < to) {
            int after = writeFoldedList(line, i, to, depth);
            if (after > i) {
                return after;
            }
        }
        if (isSignedNumber(i, from, to)) {
            line.append(token, false, "?", tokens.get(i + 1));
            literals++;
            return i + 2;
        }
        if (LiteralTokens.isLiteral(tokens, i)) {
            line.append(token, false, "?", token);
            literals++;
        } else if (token.kind() == Kind.PARAMETER) {
            line.append(token, false, "?", token);
        } else if (isKeywordAt(i)) {
            line.append(token, true, token.text().toUpperCase(Locale.ROOT), token);
        } else {
            line.append(token, namesTable(i), token.text(), token);
        }
        return i + 1;
    }

    /** {@code IN (...)}, {@code VALUES (...), (...)} or {@code ARRAY[...]} at {@code i}: writes it folded. */
    private int writeFoldedList(Line line, int i, int to, int depth) {
        SqlToken token = tokens.get(i);
        SqlToken next = tokens.get(i + 1);
        int close = partner[i + 1];
        if (close < 0 || close >= to) {
            return i;
        }
        if (token.isWord("IN") && next.isSymbol("(") && !tokens.get(i + 2).startsQuery()) {
            line.append(token, true, "IN", token);
            line.append(next, false, "(" + foldItems(i + 2, close, depth) + ")", tokens.get(close));
            return close + 1;
        }
        if (token.isWord("ARRAY") && next.isSymbol("[")) {
            line.append(token, true, "ARRAY", token);
            line.append(next, false, "[" + foldItems(i + 2, close, depth) + "]", tokens.get(close));
            return close + 1;
        }
        if (token.isWord("VALUES") && next.isSymbol("(")) {
            List<String> rows = new ArrayList<>();
            int rowStart = i + 1;
            int rowEnd = close;
            while (true) {
                rows.add(range(rowStart, rowEnd + 1, depth + 1));
                if (rowEnd + 2 >= to || !tokens.get(rowEnd + 1).isSymbol(",") || !tokens.get(rowEnd + 2).isSymbol("(")
                        || partner[rowEnd + 2] < 0 || partner[rowEnd + 2] >= to) {
                    break;
                }
                rowStart = rowEnd + 2;
                rowEnd = partner[rowStart];
            }
            line.append(token, true, "VALUES", token);
            line.append(next, false, ListFolding.join(rows), tokens.get(rowEnd));
            return rowEnd + 1;
        }
        return i;
    }

    /** The items between {@code from} and {@code to}, split at top-level commas, rendered and folded. */
    private String foldItems(int from, int to, int depth) {
        List<String> items = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (partner[i] > i) {
                i = partner[i];
            } else if (tokens.get(i).isSymbol(",")) {
                items.add(range(start, i, depth + 1));
                start = i + 1;
            }
        }
        if (start < to || !items.isEmpty()) {
            items.add(range(start, to, depth + 1));
        }
        return ListFolding.join(items);
    }

    /** A sign before a number, not a subtraction: {@code = -5}, {@code (-5}, {@code THEN -5}. */
    private boolean isSignedNumber(int i, int from, int to) {
        SqlToken token = tokens.get(i);
        if (!(token.isSymbol("-") || token.isSymbol("+")) || i + 1 >= to
                || tokens.get(i + 1).kind() != Kind.NUMBER) {
            return false;
        }
        if (i == from) {
            return true;
        }
        SqlToken before = tokens.get(i - 1);
        return switch (before.kind()) {
            case OPERATOR -> true;
            case PUNCTUATION -> before.isSymbol("(") || before.isSymbol(",") || before.isSymbol("[");
            case WORD -> isKeywordAt(i - 1) && !before.isWord("END") && !before.isWord("NULL");
            default -> false;
        };
    }

    /** The last part of the name after INTO, TABLE, EXISTS or VIEW: {@code INSERT INTO s.t (a)} is no call. */
    private boolean namesTable(int i) {
        int first = i;
        while (first >= 2 && tokens.get(first - 1).isSymbol(".") && tokens.get(first - 2).isName()) {
            first -= 2;
        }
        if (first == 0) {
            return false;
        }
        SqlToken before = tokens.get(first - 1);
        return before.isWord("INTO") || before.isWord("TABLE") || before.isWord("EXISTS") || before.isWord("VIEW");
    }

    /** A keyword, unless it is part of a qualified name such as {@code t.key} or {@code user.id}. */
    private boolean isKeywordAt(int i) {
        return Keywords.isKeyword(tokens.get(i))
                && !(i > 0 && tokens.get(i - 1).isSymbol("."))
                && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("."));
    }

    /** Output text with the spacing rules; remembers the last token written to space the next. */
    private static final class Line {
        private final StringBuilder text = new StringBuilder();
        private SqlToken last;
        private boolean spaceBeforeParen;

        /**
         * Appends {@code rendered}, which begins as token {@code first} and ends as token
         * {@code end}; {@code spaceBeforeParen} for a keyword or table name, which a {@code (}
         * after it does not call: {@code IN (}, {@code INSERT INTO t (a)}, but {@code f(x)}.
         */
        void append(SqlToken first, boolean spaceBeforeParen, String rendered, SqlToken end) {
            if (last != null && needsSpace(first)) {
                text.append(' ');
            }
            text.append(rendered);
            last = end;
            this.spaceBeforeParen = spaceBeforeParen && first == end;
        }

        private boolean needsSpace(SqlToken next) {
            if (next.isSymbol(",") || next.isSymbol(")") || next.isSymbol("]") || next.isSymbol(";")
                    || next.isSymbol(".") || next.isSymbol("}") || next.isSymbol("::")) {
                return false;
            }
            if (last.isSymbol("(") || last.isSymbol("[") || last.isSymbol(".") || last.isSymbol("{")
                    || last.isSymbol("::")) {
                return false;
            }
            if (next.isSymbol("(")) {
                // f(x) and t(a, b), but IN (x), VALUES (x), AS (SELECT ...)
                return !last.isName() || spaceBeforeParen;
            }
            if (next.isSymbol("[")) {
                return !(last.isName() || last.isSymbol(")") || last.isSymbol("]"));
            }
            return true;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
