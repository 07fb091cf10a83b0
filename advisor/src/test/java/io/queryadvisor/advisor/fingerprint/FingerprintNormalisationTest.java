package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** One query shape, one fingerprint; another shape, another fingerprint. */
class FingerprintNormalisationTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    private Fingerprint fp(String sql) {
        return fingerprinter.fingerprint(sql);
    }

    @Test
    void sameShapeWithOtherLiteralsHasTheSameFingerprint() {
        List<List<String>> sameShapes = List.of(
                List.of("SELECT * FROM users WHERE id = 1", "SELECT * FROM users WHERE id = 982734",
                        "SELECT * FROM users WHERE id = -5", "SELECT * FROM users WHERE id = ?",
                        "SELECT * FROM users WHERE id = $1", "SELECT * FROM users WHERE id = :id"),
                List.of("select name from t where a = 'x' and b > 1.5", "select name from t where a = 'it''s' and b > 2e10"),
                List.of("UPDATE t SET flag = true WHERE ts < '2024-01-01'", "UPDATE t SET flag = false WHERE ts < '1999-12-31'"),
                List.of("SELECT * FROM t LIMIT 10 OFFSET 0", "SELECT * FROM t LIMIT 500 OFFSET 100000"),
                List.of("select * from t limit 0, 20", "select * from t limit 40, 20"),
                List.of("SELECT * FROM docs WHERE doc ?? 'a' AND n = 1", "SELECT * FROM docs WHERE doc ?? 'bcd' AND n = 99"),
                List.of("VACUUM t; SELECT 1", "VACUUM t; SELECT 2"));

        for (List<String> shape : sameShapes) {
            assertThat(shape.stream().map(this::fp).map(Fingerprint::id).distinct()).as("one id for %s", shape).hasSize(1);
        }
    }

    @Test
    void inListsOfAnyLengthShareOneFingerprint() {
        List<String> ids = IntStream.of(1, 2, 3, 10, 250)
                .mapToObj(n -> "SELECT * FROM products WHERE id IN (" + list(n, "?") + ") AND active = true")
                .map(sql -> fp(sql).id()).distinct().toList();

        assertThat(ids).hasSize(1);
        assertThat(fp("SELECT * FROM products WHERE id IN (?, ?, ?) AND active = true").text())
                .isEqualTo("SELECT * FROM products WHERE id IN (?) AND active = ?");
    }

    @Test
    void inListsOfLiteralsFoldInTheFallbackToo() {
        Fingerprint few = fp("SELECT * FROM docs WHERE doc ?? 'k' AND id IN (1, 2)");
        Fingerprint many = fp("SELECT * FROM docs WHERE doc ?? 'k' AND id IN (" + list(40, "7") + ")");

        assertThat(few.parsed()).isFalse();
        assertThat(many.id()).isEqualTo(few.id());
        assertThat(many.text()).isEqualTo("SELECT * FROM docs WHERE doc ?? ? AND id IN (?)");
    }

    @Test
    void batchesOfAnyRowCountShareOneFingerprint() {
        List<String> ids = IntStream.of(1, 2, 5, 100)
                .mapToObj(n -> "INSERT INTO events (kind, at) VALUES " + list(n, "(?, ?)"))
                .map(sql -> fp(sql).id()).distinct().toList();

        assertThat(ids).hasSize(1);
    }

    @Test
    void differentShapesHaveDifferentFingerprints() {
        List<String> shapes = List.of(
                "SELECT * FROM users WHERE id = ?",
                "SELECT * FROM users WHERE email = ?",
                "SELECT * FROM accounts WHERE id = ?",
                "SELECT id FROM users WHERE id = ?",
                "SELECT * FROM users WHERE id > ?",
                "SELECT * FROM users WHERE id IN (?)",
                "SELECT * FROM users WHERE id = ? AND active = ?",
                "SELECT * FROM users WHERE id = ? LIMIT ?",
                "SELECT * FROM users WHERE id = ? ORDER BY id",
                "DELETE FROM users WHERE id = ?",
                "UPDATE users SET active = ? WHERE id = ?",
                "SELECT * FROM users WHERE id = ? FOR UPDATE",
                "SELECT * FROM users WHERE id IS NULL",
                "SELECT * FROM users WHERE id = ? UNION SELECT * FROM users WHERE id = ?");

        assertThat(shapes.stream().map(this::fp).map(Fingerprint::id).distinct()).hasSize(shapes.size());
    }

    @Test
    void whitespaceCommentsAndKeywordCaseDoNotMatter() {
        Fingerprint plain = fp("SELECT id FROM orders WHERE status = ? ORDER BY id");

        assertThat(fp("select id\n\tfrom orders\r\n  where status=?  order by id").id()).isEqualTo(plain.id());
        assertThat(fp("/* app=shop */ SELECT id -- the id\nFROM orders WHERE /* x */ status = ? ORDER BY id").id())
                .isEqualTo(plain.id());
        assertThat(fp("  SELECT id FROM orders WHERE status = ? ORDER BY id ;  ").id()).isEqualTo(plain.id());
    }

    @Test
    void namesKeepTheCaseTheyWereWrittenIn() {
        assertThat(fp("select U.Name from Users U where U.Id = 1").text())
                .isEqualTo("SELECT U.Name FROM Users U WHERE U.Id = ?");
        assertThat(fp("select Name from Users where Id = 1 and doc ?? 'k'").text())
                .isEqualTo("SELECT Name FROM Users WHERE Id = ? AND doc ?? ?");
    }

    @Test
    void idIsTheFirstEightBytesOfTheTextsSha256InHex() {
        Fingerprint fingerprint = fp("SELECT 1");

        assertThat(fingerprint.id()).isEqualTo(Fingerprinter.idOf(fingerprint.text())).matches("[0-9a-f]{16}");
        // SHA-256 of the empty string is e3b0c442 98fc1c14 9afbf4c8...: the same on every machine and run
        assertThat(fp("").id()).isEqualTo("e3b0c44298fc1c14");
    }

    @Test
    void severalStatementsAreFingerprintedOneByOneAndJoined() {
        Fingerprint both = fp("UPDATE t SET a = 1 WHERE id = 2; SELECT a FROM t WHERE id = 2");

        assertThat(both.text()).isEqualTo(fp("UPDATE t SET a = 1 WHERE id = 2").text() + "; "
                + fp("SELECT a FROM t WHERE id = 2").text());
        assertThat(both.type()).isEqualTo(StatementType.UPDATE);
        assertThat(both.parsed()).isTrue();
    }

    @Test
    void aTextIsParsedOnlyIfEachOfItsStatementsIs() {
        Fingerprint mixed = fp("SELECT 1; VACUUM t");

        assertThat(mixed.text()).isEqualTo("SELECT ?; VACUUM t");
        assertThat(mixed.parsed()).isFalse();
    }

    private static String list(int n, String item) {
        return IntStream.range(0, n).mapToObj(i -> item).collect(Collectors.joining(", "));
    }
}
