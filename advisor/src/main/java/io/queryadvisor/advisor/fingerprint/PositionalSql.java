package io.queryadvisor.advisor.fingerprint;

import java.util.List;

import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/**
 * A JDBC statement with its {@code ?} placeholders numbered as PostgreSQL's own {@code $1, $2, ...},
 * for the statements the driver does not prepare for us ({@code PREPARE name AS ...}): only
 * placeholders outside string literals, comments and quoted identifiers are numbered, and pgjdbc's
 * escaped {@code ??} (the jsonb operator {@code ?}) becomes {@code ?} again. Comments, whitespace
 * and literals are kept exactly as written.
 *
 * @param sql        the text with {@code $n} placeholders
 * @param parameters how many parameters it takes: the {@code ?} numbered, or the highest {@code $n}
 *                   already written
 * @param statements how many statements the text holds ({@code ;}-separated, empty ones not counted)
 * @param type       what the (first) statement does
 */
public record PositionalSql(String sql, int parameters, int statements, StatementType type) {

    /** Reads {@code jdbcSql} in one linear pass; never throws, whatever the text. */
    public static PositionalSql of(String jdbcSql) {
        List<SqlToken> tokens = SqlLexer.tokenize(jdbcSql);
        StringBuilder out = new StringBuilder(jdbcSql.length() + 16);
        int copied = 0;
        int numbered = 0;
        int highestWritten = 0;
        int statements = 0;
        boolean inStatement = false;
        for (SqlToken token : tokens) {
            if (token.isSymbol(";")) {
                inStatement = false;
                continue;
            }
            if (!inStatement) {
                inStatement = true;
                statements++;
            }
            String replacement = null;
            if (token.kind() == Kind.PARAMETER && token.text().equals("?")) {
                replacement = "$" + ++numbered;
            } else if (token.kind() == Kind.PARAMETER && token.text().startsWith("$")) {
                highestWritten = Math.max(highestWritten, parseIndex(token.text().substring(1)));
            } else if (token.kind() == Kind.OPERATOR && token.text().startsWith("??")) {
                // pgjdbc's escape: "??" is the operator "?" ("??|" and "??&" are "?|" and "?&")
                replacement = token.text().substring(1);
            }
            if (replacement != null) {
                out.append(jdbcSql, copied, token.start()).append(replacement);
                copied = token.end();
            }
        }
        out.append(jdbcSql, copied, jdbcSql.length());
        return new PositionalSql(out.toString(), Math.max(numbered, highestWritten), statements,
                StatementTypes.of(tokens));
    }

    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0; // "$99999999999": not a parameter PostgreSQL would accept either
        }
    }
}
