package io.queryadvisor.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceLabelsTest {

    @Test
    void turnsACamelCaseKeyIntoWordsWithItsUnit() {
        assertThat(EvidenceLabels.of("shareOfStatementTimePercent")).isEqualTo("Share of statement time (%)");
        assertThat(EvidenceLabels.of("loopMillis")).isEqualTo("Loop (ms)");
        assertThat(EvidenceLabels.of("unitsOfWork")).isEqualTo("Units of work");
    }

    @Test
    void namesPercentilesAsPeopleWriteThem() {
        assertThat(EvidenceLabels.of("p95Millis")).isEqualTo("p95 (ms)");
    }

    @Test
    void leavesAKeyThatIsAlreadyWordsAlone() {
        assertThat(EvidenceLabels.of("executions per request")).isEqualTo("executions per request");
    }
}
