package io.queryadvisor.advisor.fingerprint;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * A SQL text's shape: its tokens, read in its dialect, written back with every literal masked,
 * without parsing. Lexing costs a few microseconds where a parse costs a hundred or more, and two
 * texts of one shape differ only in literal values, so they have one fingerprint: an application
 * that concatenates values into its SQL (a million distinct texts of a handful of shapes) costs
 * one parse per shape, not one per text.
 */
final class TextShape {

    /**
     * The shape's key: the masked text (or its digest), the dialect it was read in, and whether
     * JSqlParser reads the text as the database does (which decides parse or fallback, so it must
     * match too for two texts to share a fingerprint).
     */
    record Shape(Object text, Dialect dialect, boolean parseable) {
    }

    private TextShape() {
    }

    static Shape of(String sql, Dialect dialect) {
        return of(DialectTokens.of(sql, dialect), dialect);
    }

    /** The shape of a text already lexed in {@code dialect}. */
    static Shape of(DialectTokens read, Dialect dialect) {
        return new Shape(TextKey.of(TokenRenderer.render(read.tokens()).text()), dialect, read.readAsJSqlParserReads());
    }
}
