package io.queryadvisor.advisor.fingerprint;

import java.util.Locale;
import java.util.Set;

/**
 * The words the token-based normaliser writes in upper case. Mostly reserved words, which cannot
 * be unquoted identifiers, so upper-casing them never changes a name. A few non-reserved ones
 * ({@code KEY}, {@code FIRST}, {@code CONFLICT}...) are here because statements are full of
 * them; a column that happens to share such a name is upper-cased too, which is stable and
 * harmless. Data type and function names are not keywords here: they keep the case they were
 * written in, as in the JSqlParser path.
 */
final class Keywords {

    private static final Set<String> KEYWORDS = Set.of(
        "ABORT", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "BEGIN",
        "BETWEEN", "BY", "CALL", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMENT",
        "COMMIT", "COMMITTED", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
        "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DELETE", "DESC", "DISTINCT",
        "DO", "DROP", "DUPLICATE", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUSIVE", "EXEC",
        "EXECUTE", "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FILTER", "FIRST", "FOLLOWING", "FOR",
        "FOREIGN", "FROM", "FULL", "FUNCTION", "GRANT", "GROUP", "HAVING", "IF", "IGNORE", "ILIKE",
        "IN", "INCREMENT", "INDEX", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "ISOLATION",
        "JOIN", "KEY", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCAL", "LOCK",
        "LOCKED", "MATCHED", "MATERIALIZED", "MERGE", "NATURAL", "NEXT", "NOT", "NOTHING",
        "NOWAIT", "NULL", "NULLS", "OF", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER",
        "PARTITION", "PRECEDING", "PRIMARY", "PROCEDURE", "RANGE", "READ", "RECURSIVE", "REFERENCES",
        "RELEASE", "RENAME", "REPEATABLE", "RESTART", "REPLACE", "RESET", "RESTRICT", "RETURNING", "REVOKE", "RIGHT",
        "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SCHEMA", "SELECT", "SEQUENCE", "SERIALIZABLE", "SESSION", "SET",
        "SHARE", "SHOW", "SIMILAR", "SKIP", "SOME", "START", "TABLE", "TEMP", "TEMPORARY", "THEN",
        "TIES", "TO", "TOP", "TRANSACTION", "TRIGGER", "TRUE", "TRUNCATE", "UNBOUNDED", "UNCOMMITTED", "UNION",
        "UNIQUE", "UNLOGGED", "UPDATE", "UPSERT", "USE", "USING", "VACUUM", "VALUES", "VIEW",
        "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "WORK", "WRITE");

    private Keywords() {
    }

    static boolean isKeyword(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
    }
}
