package io.queryadvisor.advisor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.queryadvisor.advisor.capture.Dialect;

/**
 * Every statement of the fingerprint table ({@code fingerprint/cases.txt}) gets the fingerprint,
 * the parse outcome and the type written next to it by hand, read in the dialect its title
 * names ({@code garbage} in none).
 */
class FingerprintTableTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    static List<FingerprintCases.Case> cases() {
        return FingerprintCases.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fingerprintsAsTheTableSays(FingerprintCases.Case c) {
        Fingerprint fp = fingerprinter.fingerprint(c.sql(), c.dialect());

        assertThat(fp.text()).as("text of: %s", c.sql()).isEqualTo(c.expected());
        assertThat(fp.parsed()).as("parsed by JSqlParser: %s", c.sql()).isEqualTo(c.parsed());
        assertThat(fp.type()).as("type of: %s", c.sql()).isEqualTo(c.type());
        assertThat(fp.id()).isEqualTo(Fingerprinter.idOf(c.expected()));
    }

    @Test
    void tableCoversPostgresMysqlH2AndGarbage() {
        List<FingerprintCases.Case> cases = cases();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases).extracting(FingerprintCases.Case::title)
                .anyMatch(t -> t.startsWith("pg:")).anyMatch(t -> t.startsWith("mysql:"))
                .anyMatch(t -> t.startsWith("h2:")).anyMatch(t -> t.startsWith("garbage:"));
    }
}
