package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.fingerprint.SqlToken.Kind;

/** The fallback's lexer reads the literal, bind and quoting syntax of PostgreSQL, MySQL and H2. */
class SqlLexerTest {

    private static List<String> texts(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::text).toList();
    }

    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::kind).toList();
    }

    @Test
    void readsStringsWithDoubledQuotesAndPrefixes() {
        assertThat(texts("'it''s' E'it\\'s' N'x' X'1F' B'101' U&'d\\0061'"))
                .containsExactly("'it''s'", "E'it\\'s'", "N'x'", "X'1F'", "B'101'", "U&'d\\0061'");
        assertThat(kinds("'a' e'b'")).containsOnly(Kind.STRING);
    }

    @Test
    void readsDollarQuotedStringsWithAndWithoutTag() {
        assertThat(texts("$$it's; -- not a comment$$ $fn$ a $$ b $fn$ x"))
                .containsExactly("$$it's; -- not a comment$$", "$fn$ a $$ b $fn$", "x");
    }

    @Test
    void readsQuotedIdentifiersOfBothDialects() {
        assertThat(SqlLexer.tokenize("\"My \"\"Table\"\"\" `my``col`"))
                .extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(tuple(Kind.QUOTED_IDENTIFIER, "\"My \"\"Table\"\"\""),
                        tuple(Kind.QUOTED_IDENTIFIER, "`my``col`"));
    }

    @Test
    void readsNumbersWithDecimalsExponentsAndHex() {
        assertThat(texts("1 1.5 .5 1e10 1.5E-3 0x1F")).containsExactly("1", "1.5", ".5", "1e10", "1.5E-3", "0x1F");
        assertThat(kinds("1 1.5 .5 1e10 1.5E-3 0x1F")).containsOnly(Kind.NUMBER);
    }

    @Test
    void dropsLineAndBlockComments() {
        assertThat(texts("a -- one\nb /* two\n three */ c /* unterminated")).containsExactly("a", "b", "c");
    }

    @Test
    void readsEveryBindStyle() {
        assertThat(SqlLexer.tokenize("? ?1 $1 :name")).extracting(SqlToken::kind).containsOnly(Kind.PARAMETER);
        assertThat(texts("? ?1 $1 :name")).containsExactly("?", "?1", "$1", ":name");
    }

    @Test
    void tellsPgjdbcsEscapedJsonbOperatorsFromBinds() {
        assertThat(SqlLexer.tokenize("a ?? b ??| c ?| d ?& e ?||f"))
                .extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(
                        tuple(Kind.WORD, "a"),
                        tuple(Kind.OPERATOR, "??"),
                        tuple(Kind.WORD, "b"),
                        tuple(Kind.OPERATOR, "??|"),
                        tuple(Kind.WORD, "c"),
                        tuple(Kind.OPERATOR, "?|"),
                        tuple(Kind.WORD, "d"),
                        tuple(Kind.OPERATOR, "?&"),
                        tuple(Kind.WORD, "e"),
                        tuple(Kind.PARAMETER, "?"),
                        tuple(Kind.OPERATOR, "||"),
                        tuple(Kind.WORD, "f"));
    }

    @Test
    void readsCastsAndJsonOperatorsAsOneToken() {
        assertThat(texts("a::int b->>'k' c#>>'{x}' d@>e f<@g")).containsExactly(
                "a", "::", "int", "b", "->>", "'k'", "c", "#>>", "'{x}'", "d", "@>", "e", "f", "<@", "g");
    }

    @Test
    void readsMysqlVariablesAsWords() {
        assertThat(SqlLexer.tokenize("@rownum := @@session.x")).extracting(SqlToken::kind, SqlToken::text)
                .containsExactly(
                        tuple(Kind.WORD, "@rownum"),
                        tuple(Kind.OPERATOR, ":="),
                        tuple(Kind.WORD, "@@session"),
                        tuple(Kind.PUNCTUATION, "."),
                        tuple(Kind.WORD, "x"));
    }

    @Test
    void runsAnUnterminatedStringOrQuoteToTheEnd() {
        assertThat(texts("WHERE a = 'O; DROP")).containsExactly("WHERE", "a", "=", "'O; DROP");
        assertThat(texts("SELECT \"abc")).containsExactly("SELECT", "\"abc");
        assertThat(texts("SELECT $q$ body")).containsExactly("SELECT", "$q$ body");
    }

    @Test
    void keepsTheOffsetsOfEachToken() {
        SqlToken token = SqlLexer.tokenize("  SELECT  'x'").get(1);

        assertThat(token.start()).isEqualTo(10);
        assertThat(token.end()).isEqualTo(13);
    }
}
