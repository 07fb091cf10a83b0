package io.queryadvisor.advisor.fingerprint;

import java.util.List;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * The tokens of a text as the database it was sent to reads it, for masking: what that database
 * reads as a string literal is a {@link SqlToken.Kind#STRING} here.
 *
 * <p>PostgreSQL and H2 read the {@link SqlLexer.Reading#STANDARD standard} way, MySQL and
 * MariaDB {@link SqlLexer.Reading#MYSQL theirs} ({@code 'it\'s'} and {@code "..."} are strings).
 * When the dialect is not known, every region that either reading takes for a string is one
 * ({@link EitherReading}), so that no literal escapes whichever database it was.
 *
 * @param tokens             the tokens to mask and normalise
 * @param readAsJSqlParserReads true when JSqlParser, which reads the standard way, reads every
 *                           literal of the text where {@code tokens} has one: the same tokens, and
 *                           no backslash in a string (where readings part). Only then may its
 *                           parse tree be deparsed; otherwise the token fallback normalises the
 *                           text, so that nothing JSqlParser took for a name can be a piece of a
 *                           string
 */
record DialectTokens(List<SqlToken> tokens, boolean readAsJSqlParserReads) {

    static DialectTokens of(String sql, Dialect dialect) {
        List<SqlToken> standard = SqlLexer.tokenize(sql);
        List<SqlToken> tokens = switch (dialect) {
            case POSTGRESQL, H2 -> standard;
            case MYSQL -> SqlLexer.tokenize(sql, SqlLexer.Reading.MYSQL);
            case OTHER -> EitherReading.tokens(sql, standard, SqlLexer.tokenize(sql, SqlLexer.Reading.MYSQL));
        };
        return new DialectTokens(tokens, tokens.equals(standard) && noBackslashInStrings(tokens));
    }

    private static boolean noBackslashInStrings(List<SqlToken> tokens) {
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.STRING && token.text().indexOf('\\') >= 0) {
                return false;
            }
        }
        return true;
    }
}
