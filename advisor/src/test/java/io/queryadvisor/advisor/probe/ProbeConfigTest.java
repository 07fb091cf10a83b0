package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

class ProbeConfigTest {

    private static Settings settings(String... keysAndValues) {
        return ProbeHarness.settings(keysAndValues);
    }

    @Test
    void defaultsToShortTimeoutsAndASmallQueue() {
        ProbeConfig config = ProbeConfig.defaults();

        assertThat(config.enabled()).isTrue();
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.queueCapacity()).isEqualTo(64);
        assertThat(config.bindSamples()).isTrue();
        assertThat(config.bindSampleFingerprints()).isEqualTo(1_000);
    }

    @Test
    void readsItsSettings() {
        ProbeConfig config = ProbeConfig.from(settings("probe.statementTimeout", "5s", "probe.lockTimeout", "1s",
                "probe.queueSize", "8", "advisor.bindSamples.maxFingerprints", "50",
                "advisor.bindSamples.enabled", "false"));

        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.queueCapacity()).isEqualTo(8);
        assertThat(config.bindSampleFingerprints()).isEqualTo(50);
        assertThat(config.bindSamples()).isFalse();
    }

    @Test
    void rejectsATimeoutOfZeroNamingTheProperty() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ProbeConfig.from(settings("probe.statementTimeout", "0s")))
                .withMessageContaining("queryadvisor.probe.statementTimeout")
                .withMessageContaining("from test");
    }

    @Test
    void acceptsTheSettingsOfAProbeThatIsOffQuietly() {
        Settings s = settings("probe.enabled", "false", "probe.lockTimeout", "1s",
                "advisor.bindSamples.maxFingerprints", "5");

        assertThat(ProbeConfig.from(s).enabled()).isFalse();
        assertThat(s.unusedKeys()).isEmpty();
    }
}
