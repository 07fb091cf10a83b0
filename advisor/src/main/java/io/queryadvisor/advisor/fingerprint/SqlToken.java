package io.queryadvisor.advisor.fingerprint;

/**
 * One lexical token of SQL text, as {@link SqlLexer} reads it. Comments and whitespace are not
 * tokens. {@code start} and {@code end} index the text the token was read from.
 */
record SqlToken(Kind kind, String text, int start, int end) {

    enum Kind {
        /** an unquoted identifier or keyword; also MySQL {@code @variables} */
        WORD,
        /** {@code "name"} or {@code `name`} */
        QUOTED_IDENTIFIER,
        /** any string literal: {@code 'x'}, {@code E'x'}, {@code N'x'}, {@code X'1F'}, {@code $$x$$} */
        STRING,
        NUMBER,
        /** a bind: {@code ?}, {@code ?1}, {@code $1}, {@code :name} */
        PARAMETER,
        OPERATOR,
        /** one of {@code ( ) [ ] { } , ; .} */
        PUNCTUATION
    }

    boolean isSymbol(String symbol) {
        return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(symbol);
    }

    boolean isWord(String upperCaseWord) {
        return kind == Kind.WORD && text.equalsIgnoreCase(upperCaseWord);
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.NUMBER;
    }

    /** The first word of a query, as in {@code (SELECT}, {@code (WITH} or {@code (VALUES}. */
    boolean startsQuery() {
        return isWord("SELECT") || isWord("WITH") || isWord("VALUES");
    }

    /** A name: an unquoted word or a quoted identifier. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
