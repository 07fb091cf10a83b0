package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * Reads the {@link PageBounds} of a text from its tokens, outside any parenthesis (the outermost
 * query's page): {@code LIMIT n OFFSET m}, {@code OFFSET m ROWS FETCH FIRST n ROWS ONLY}, MySQL's
 * {@code LIMIT m, n}. A value is a literal number or a bind; a bind's JDBC index is the count of
 * {@code ?} before it (or the number of {@code $n}). Lexing only, a few microseconds: this runs for
 * every distinct text of a paged statement, parsed or not.
 */
final class PageTokens {

    private final List<SqlToken> tokens;
    private long offsetValue = -1;
    private int offsetBind;
    private long limitValue = -1;
    private int limitBind;

    private PageTokens(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static PageBounds read(List<SqlToken> tokens) {
        PageTokens page = new PageTokens(tokens);
        page.scan();
        return new PageBounds(page.offsetValue, page.offsetBind, page.limitValue, page.limitBind);
    }

    private void scan() {
        int depth = 0;
        int binds = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            } else if (token.isSymbol(";")) {
                return; // the first statement's page only
            } else if (token.kind() == SqlToken.Kind.PARAMETER) {
                binds++;
            } else if (depth == 0) {
                readClause(i, binds);
            }
        }
    }

    private void readClause(int i, int bindsBefore) {
        SqlToken token = tokens.get(i);
        if (token.isWord("OFFSET")) {
            offsetValue = literal(i + 1);
            offsetBind = bind(i + 1, bindsBefore);
        } else if (token.isWord("LIMIT")) {
            limitValue = literal(i + 1);
            limitBind = bind(i + 1, bindsBefore);
            if (i + 3 < tokens.size() && tokens.get(i + 2).isSymbol(",")) {
                // MySQL's LIMIT offset, count
                offsetValue = limitValue;
                offsetBind = limitBind;
                limitValue = literal(i + 3);
                limitBind = bind(i + 3, bindsBefore + (offsetBind > 0 ? 1 : 0));
            }
        } else if (token.isWord("FETCH") && i + 1 < tokens.size()
                && (tokens.get(i + 1).isWord("FIRST") || tokens.get(i + 1).isWord("NEXT"))) {
            limitValue = literal(i + 2);
            limitBind = bind(i + 2, bindsBefore);
        }
    }

    private long literal(int i) {
        if (i >= tokens.size() || tokens.get(i).kind() != SqlToken.Kind.NUMBER) {
            return -1;
        }
        try {
            return Long.parseLong(tokens.get(i).text());
        } catch (NumberFormatException notAWholeNumber) {
            return -1;
        }
    }

    /** The JDBC index of the bind at {@code i}: {@code $n} says it, a {@code ?} is the next after {@code before}. */
    private int bind(int i, int before) {
        if (i >= tokens.size() || tokens.get(i).kind() != SqlToken.Kind.PARAMETER) {
            return 0;
        }
        String text = tokens.get(i).text();
        if (text.equals("?")) {
            return before + 1;
        }
        if (text.startsWith("$") || text.startsWith("?")) {
            try {
                return Integer.parseInt(text.substring(1));
            } catch (NumberFormatException named) {
                return 0;
            }
        }
        return 0; // a named parameter (:name) has no JDBC index to read
    }
}
