package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.queryadvisor.advisor.capture.Dialect;

/** No literal of a credential-bearing statement survives fingerprinting, whatever kind of statement it is. */
class SecretMaskingTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    static List<CredentialStatements.Statement> statements() {
        return CredentialStatements.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void masksEverySecretInTheDialectOfItsDatabase(CredentialStatements.Statement s) {
        assertThat(fingerprinter.fingerprint(s.sql(), s.dialect()).text()).as(s.sql())
                .doesNotContainIgnoringCase(CredentialStatements.SECRET_MARK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void masksEverySecretWhenTheDialectIsUnknown(CredentialStatements.Statement s) {
        assertThat(fingerprinter.fingerprint(s.sql()).text()).as(s.sql())
                .doesNotContainIgnoringCase(CredentialStatements.SECRET_MARK);
    }

    @Test
    void corpusCoversPostgresMysqlAndH2WithFiftyStatementsAtLeast() {
        List<CredentialStatements.Statement> statements = statements();

        assertThat(statements).hasSizeGreaterThanOrEqualTo(50);
        assertThat(statements).extracting(CredentialStatements.Statement::dialect)
                .contains(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.H2);
    }
}
