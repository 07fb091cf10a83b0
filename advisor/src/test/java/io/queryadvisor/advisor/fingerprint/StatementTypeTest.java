package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a statement does, from JSqlParser's tree or, for the fallback, from its leading keywords. */
class StatementTypeTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("SELECT 1", StatementType.SELECT),
                Arguments.of("(SELECT a FROM t) UNION (SELECT b FROM u)", StatementType.SELECT),
                Arguments.of("WITH x AS (SELECT 1) SELECT * FROM x", StatementType.SELECT),
                Arguments.of("VALUES (1, 2)", StatementType.SELECT),
                Arguments.of("INSERT INTO t (a) VALUES (1)", StatementType.INSERT),
                Arguments.of("WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM x", StatementType.INSERT),
                Arguments.of("UPDATE t SET a = 1", StatementType.UPDATE),
                Arguments.of("DELETE FROM t WHERE a = 1", StatementType.DELETE),
                Arguments.of("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", StatementType.MERGE),
                Arguments.of("MERGE INTO t KEY (id) VALUES (1)", StatementType.MERGE),
                Arguments.of("REPLACE INTO t (a) VALUES (1)", StatementType.MERGE),
                Arguments.of("CREATE TABLE t (a int)", StatementType.DDL),
                Arguments.of("CREATE INDEX i ON t (a)", StatementType.DDL),
                Arguments.of("CREATE VIEW v AS SELECT * FROM t", StatementType.DDL),
                Arguments.of("ALTER TABLE t ADD COLUMN b int", StatementType.DDL),
                Arguments.of("DROP INDEX IF EXISTS i", StatementType.DDL),
                Arguments.of("TRUNCATE TABLE t", StatementType.DDL),
                Arguments.of("COMMENT ON TABLE t IS 'x'", StatementType.DDL),
                Arguments.of("CREATE EXTENSION IF NOT EXISTS pg_trgm", StatementType.DDL),
                Arguments.of("CALL p(1)", StatementType.CALL),
                Arguments.of("{call p(?)}", StatementType.CALL),
                Arguments.of("{? = call f(?)}", StatementType.CALL),
                Arguments.of("BEGIN", StatementType.TRANSACTION),
                Arguments.of("START TRANSACTION", StatementType.TRANSACTION),
                Arguments.of("COMMIT", StatementType.TRANSACTION),
                Arguments.of("ROLLBACK", StatementType.TRANSACTION),
                Arguments.of("SAVEPOINT s1", StatementType.TRANSACTION),
                Arguments.of("RELEASE SAVEPOINT s1", StatementType.TRANSACTION),
                Arguments.of("SET search_path TO app, public", StatementType.SET),
                Arguments.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", StatementType.SET),
                Arguments.of("RESET ALL", StatementType.SET),
                Arguments.of("EXPLAIN SELECT 1", StatementType.OTHER),
                Arguments.of("SHOW search_path", StatementType.OTHER),
                Arguments.of("VACUUM t", StatementType.OTHER),
                Arguments.of("no sql here", StatementType.OTHER));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("statements")
    void classifiesTheStatement(String sql, StatementType type) {
        assertThat(fingerprinter.fingerprint(sql).type()).isEqualTo(type);
    }
}
