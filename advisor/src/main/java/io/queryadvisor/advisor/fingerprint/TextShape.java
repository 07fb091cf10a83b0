package io.queryadvisor.advisor.fingerprint;

import java.util.List;

/**
 * A SQL text's shape: its tokens written back with literals masked as the fingerprint masks them,
 * without parsing. Lexing costs a few microseconds where a parse costs a hundred or more, and two
 * texts of one shape differ only in literal values, so they have one fingerprint: an application
 * that concatenates values into its SQL (a million distinct texts of a handful of shapes) costs
 * one parse per shape, not one per text.
 */
final class TextShape {

    private TextShape() {
    }

    /** The shape of {@code sql}. */
    static String of(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        // the same rule as the fingerprint's: whatever it keeps of a statement, the shape keeps too,
        // so that two texts of one shape can never have two different fingerprints
        boolean mask = StatementTypes.of(tokens) != StatementType.DDL;
        return TokenRenderer.render(tokens, mask).text();
    }
}
