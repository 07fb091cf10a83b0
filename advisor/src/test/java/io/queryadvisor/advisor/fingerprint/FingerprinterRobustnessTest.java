package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.Dialect;

/** Whatever text an application sends, fingerprinting returns a stable answer and never throws. */
class FingerprinterRobustnessTest {

    private static final long SEED = 20_250_611L;
    private static final int FUZZ_INPUTS = 4_000;

    /** Pieces of real statements, and the characters that start strings, comments, binds and casts. */
    private static final List<String> FRAGMENTS = List.of(
            "SELECT ", "select * ", "FROM users u ", "WHERE ", "id = ?", " AND ", " OR ", "IN (", "1, 2, 3", ")",
            "VALUES (?, ?), (?, ?)", "INSERT INTO t (a, b) ", "UPDATE t SET a = 'x' ", "DELETE FROM t ",
            "ON CONFLICT (id) DO UPDATE SET a = EXCLUDED.a", "ON DUPLICATE KEY UPDATE n = n + 1",
            "WITH c AS (SELECT 1) ", "UNION ALL ", "ORDER BY 1 DESC ", "LIMIT 10 OFFSET 5", "LIMIT 5, 10",
            "doc->>'k'", "doc ?? 'k'", "doc ?| array['a']", "$1", "$$body$$", "$tag$ x $tag$", "$tag$", ":name",
            "::int", "CAST(x AS numeric(10, 2))", "E'it\\'s'", "'unterminated", "\"Quoted\"", "`tick`", "-- comment\n",
            "/* block */", "/*", "*/", "--", "'", "\"", "`", "$", "?", "??", ":", "::", ";", "(", "((", "]", "[",
            "{call p(?)}", "0x1F", "1.5e-3", ".5", "-7", "NULL", "TRUE", "@var", "@@x", "#>>", "\\", "\u0000",
            "\u00e9t\u00e9", "\ud83d\ude00", "\ud800", "\t", "\n", "   ", "CASE WHEN a THEN b ELSE c END",
            "row_number() OVER (PARTITION BY a ORDER BY b)", "MERGE INTO t KEY (id) VALUES (1)", "BEGIN", "COMMIT");

    private final Fingerprinter fingerprinter = new Fingerprinter();

    @Test
    void neverThrowsAndAnswersTheSameTwiceOnGarbledSql() {
        Random random = new Random(SEED);
        for (int i = 0; i < FUZZ_INPUTS; i++) {
            String sql = garble(random);
            Fingerprint first = fingerprintWithoutThrowing(sql);
            Fingerprint second = fingerprintWithoutThrowing(sql);

            assertThat(second).as("deterministic for input #%d: %s", i, sql).isEqualTo(first);
            assertThat(first.text()).isNotNull();
            assertThat(first.id()).isEqualTo(Fingerprinter.idOf(first.text()));
            assertThat(first.facts()).isNotNull();
        }
    }

    @Test
    void neverThrowsInAnyDialect() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < FUZZ_INPUTS / 4; i++) {
            String sql = garble(random);
            for (Dialect dialect : Dialect.values()) {
                assertThatCode(() -> DialectTokens.of(sql, dialect)).as("%s: %s", dialect, sql).doesNotThrowAnyException();
                assertThat(fingerprinter.fingerprint(sql, dialect).text()).as("%s: %s", dialect, sql).isNotNull();
            }
        }
    }

    @Test
    void aFailureOfOursKeepsNothingButTheFirstWord() {
        assertThat(Fingerprinter.unreadable("  select secret_column from t where pw = 'hunter2'").text()).isEqualTo("SELECT ...");
        assertThat(Fingerprinter.unreadable("'hunter2'").text()).isEqualTo("...");
    }

    private Fingerprint fingerprintWithoutThrowing(String sql) {
        Fingerprint[] result = new Fingerprint[1];
        assertThatCode(() -> result[0] = fingerprinter.fingerprint(sql)).as("input: %s", sql).doesNotThrowAnyException();
        return result[0];
    }

    /** A string of fragments, then cut, spliced or sprinkled with random characters. */
    private static String garble(Random random) {
        StringBuilder sql = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            sql.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        switch (random.nextInt(4)) {
            case 0 -> sql.setLength(random.nextInt(sql.length() + 1));
            case 1 -> sql.insert(random.nextInt(sql.length() + 1), (char) random.nextInt(0x3000));
            case 2 -> sql.delete(random.nextInt(sql.length() + 1), sql.length()).append(sql);
            default -> {
                // the fragments as they are
            }
        }
        return sql.toString();
    }

    @Test
    void nullEmptyAndBlankAllGiveTheEmptyFingerprint() {
        Fingerprint empty = fingerprinter.fingerprint("");

        assertThat(fingerprinter.fingerprint(null)).isEqualTo(empty);
        assertThat(fingerprinter.fingerprint(" \n\t ")).isEqualTo(empty);
        assertThat(empty.text()).isEmpty();
        assertThat(empty.type()).isEqualTo(StatementType.OTHER);
        assertThat(empty.facts()).isEqualTo(SqlFacts.NONE);
    }

    @Test
    void textAboveTheParseLimitGoesStraightToTheFallback() {
        String sql = "SELECT * FROM t WHERE id IN (" + numbers(5_000) + ")";
        assertThat(sql.length()).isGreaterThan(Fingerprinter.DEFAULT_MAX_PARSED_LENGTH);

        Fingerprint fp = fingerprinter.fingerprint(sql);

        assertThat(fp.parsed()).isFalse();
        assertThat(fp.text()).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(fp.facts().literals()).isEqualTo(5_000);
    }

    @Test
    void theParseLimitIsAPlainLengthCheck() {
        String sql = "SELECT a FROM t WHERE b = 1";

        assertThat(new Fingerprinter(sql.length()).fingerprint(sql).parsed()).isTrue();
        assertThat(new Fingerprinter(sql.length() - 1).fingerprint(sql).parsed()).isFalse();
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String shallowEnoughToParse = "SELECT " + "(".repeat(4_000) + "1" + ")".repeat(4_000);
        String deep = "SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        String unbalanced = "SELECT * FROM t WHERE a IN " + "IN (".repeat(100_000);

        assertThat(fingerprintWithoutThrowing(shallowEnoughToParse).text()).startsWith("SELECT ((");
        assertThat(fingerprintWithoutThrowing(deep).text()).startsWith("SELECT ((");
        assertThat(fingerprintWithoutThrowing(unbalanced).text()).startsWith("SELECT * FROM t WHERE a IN IN (IN (");
    }

    @Test
    void aParseThatWouldBacktrackForMinutesIsCutShort() {
        // balanced, so worth a try; JSqlParser 5.3 would need minutes for it (each parenthesis
        // multiplies its backtracking) if the watchdog did not stop it after half a second
        String sql = "select ((((((((( from where )))))))))";

        Fingerprint fp = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> fingerprinter.fingerprint(sql));

        assertThat(fp.parsed()).isFalse();
        assertThat(fp.text()).isEqualTo("SELECT (((((((((FROM WHERE)))))))))");
    }

    @Test
    void textsJSqlParserCertainlyCannotParseAreNotTried() {
        assertThat(StatementParser.certainlyFails(SqlLexer.tokenize("SELECT * FROM t WHERE doc ?? 'k'"))).isTrue();
        assertThat(StatementParser.certainlyFails(SqlLexer.tokenize("SELECT f((a) FROM t"))).isTrue();
        assertThat(StatementParser.certainlyFails(SqlLexer.tokenize("SELECT a) FROM (t"))).isTrue();
        assertThat(StatementParser.certainlyFails(SqlLexer.tokenize("SELECT a[1 FROM t"))).isTrue();
        assertThat(StatementParser.certainlyFails(SqlLexer.tokenize("SELECT f(a[1]) FROM t WHERE x = '(' "))).isFalse();
    }

    @Test
    void hugeTextsTakeLinearTime() {
        String million = "SELECT * FROM t WHERE id IN (" + numbers(150_000) + ") AND x IN " + "(1, ".repeat(50_000);

        // a bound far above linear cost (well under a second); only quadratic work could reach it
        Fingerprint fp = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> fingerprinter.fingerprint(million));

        assertThat(fp.text()).startsWith("SELECT * FROM t WHERE id IN (?) AND x IN ");
    }

    @Test
    void hugeTextsOfDoubleQuotedValuesTakeLinearTimeInEveryReading() {
        String quoted = "SELECT * FROM t WHERE k IN (" + IntStream.range(0, 100_000).mapToObj(i -> "\"k" + i + "\"")
                .collect(Collectors.joining(", ")) + ") AND v = 'it\\'s'";

        for (Dialect dialect : Dialect.values()) {
            Fingerprint fp = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> fingerprinter.fingerprint(quoted, dialect));

            assertThat(fp.text()).as("%s", dialect).startsWith("SELECT * FROM t WHERE k IN (");
        }
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<String> corpus = FingerprintCases.load().stream().map(FingerprintCases.Case::sql).toList();
        // a parse budget no machine's load can exhaust: what is compared is the outcome, not the speed
        Function<String, Fingerprint> unhurried = sql -> fingerprinter.fingerprint(sql, Dialect.OTHER, 600_000);
        List<Fingerprint> expected = corpus.stream().map(unhurried).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Fingerprint>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> corpus.stream().map(unhurried).toList()));
            }
            for (Future<List<Fingerprint>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String numbers(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
