package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/** A text of unknown dialect is masked so that it is safe whichever way its database reads strings. */
class EitherReadingTest {

    private static final long SEED = 20_251_201L;
    private static final List<String> PIECES = List.of(
            "'", "'", "\"", "\"", "\\", "\\'", "''", "\"\"", " ", " ", "a", "hunter2", "=", "(", ")", ",", ".", "#",
            "--", "\n", "$$", ";", "E'", "FROM ", "SET ", "INTO t (", "UPDATE ", "AS ", "SELECT ", " AND ");

    private static List<SqlToken> tokens(String sql) {
        return DialectTokens.of(sql, Dialect.OTHER).tokens();
    }

    /** The token texts, strings as {@code ?}. */
    private static List<String> texts(String sql) {
        return tokens(sql).stream().map(t -> t.kind() == Kind.STRING ? "?" : t.text()).toList();
    }

    @Test
    void masksAStringEndedByABackslashEscapeEitherWay() {
        assertThat(texts("a = 'it\\'s hunter2' AND b = 1")).containsExactly("a", "=", "?");
        assertThat(texts("a = 'C:\\', 'hunter2'")).containsExactly("a", "=", "?");
    }

    @Test
    void keepsATextWithoutBackslashesAsTheStandardReadingHasIt() {
        assertThat(texts("a = 'x' AND b = 'y'")).containsExactly("a", "=", "?", "AND", "b", "=", "?");
    }

    @Test
    void keepsDoubleQuotedNamesWhereOnlyANameCanStand() {
        assertThat(texts("SELECT s.\"a\" FROM \"s\".\"t\", \"u\" JOIN \"v\" AS \"w\" ON 1 = 1"))
                .containsExactly("SELECT", "s", ".", "\"a\"", "FROM", "\"s\"", ".", "\"t\"", ",", "\"u\"", "JOIN", "\"v\"",
                        "AS", "\"w\"", "ON", "1", "=", "1");
        assertThat(texts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (\"x\", 1)"))
                .containsExactly("INSERT", "INTO", "\"t\"", "(", "\"a\"", ",", "\"b\"", ")", "VALUES", "(", "?", ",", "1", ")");
        assertThat(texts("UPDATE t SET \"a\" = \"x\", \"b\" = 2"))
                .containsExactly("UPDATE", "t", "SET", "\"a\"", "=", "?", ",", "\"b\"", "=", "2");
    }

    @Test
    void masksDoubleQuotedTokensWhereMysqlReadsAValue() {
        assertThat(texts("SELECT \"x\" WHERE a = \"y\" AND f(\"z\") AND EXTRACT(YEAR FROM \"2024-01-31\")"))
                .doesNotContain("\"x\"", "\"y\"", "\"z\"", "\"2024-01-31\"");
    }

    /**
     * The safety property, on random texts: a token kept as anything but a string overlaps no
     * string of either reading, but for a {@code "..."} that both end alike, kept as a name.
     */
    @Test
    void noKeptTokenOverlapsAStringOfEitherReading() {
        Random random = new Random(SEED);
        for (int n = 0; n < 20_000; n++) {
            String sql = randomText(random);
            List<int[]> strings = new ArrayList<>();
            for (SqlToken t : SqlLexer.tokenize(sql)) {
                if (t.kind() == Kind.STRING) {
                    strings.add(new int[] {t.start(), t.end()});
                }
            }
            for (SqlToken t : SqlLexer.tokenize(sql, SqlLexer.Reading.MYSQL)) {
                if (t.kind() == Kind.STRING) {
                    strings.add(new int[] {t.start(), t.end()});
                }
            }
            for (SqlToken kept : tokens(sql)) {
                if (kept.kind() == Kind.STRING) {
                    continue;
                }
                for (int[] s : strings) {
                    boolean overlaps = kept.start() < s[1] && s[0] < kept.end();
                    boolean sameQuotedName = kept.kind() == Kind.QUOTED_IDENTIFIER && kept.start() == s[0] && kept.end() == s[1];
                    assertThat(overlaps && !sameQuotedName)
                            .as("text #%d %s: token %s overlaps the string at %d..%d", n, sql, kept, s[0], s[1]).isFalse();
                }
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder sql = new StringBuilder();
        int pieces = 1 + random.nextInt(16);
        for (int i = 0; i < pieces; i++) {
            sql.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return sql.toString();
    }
}
