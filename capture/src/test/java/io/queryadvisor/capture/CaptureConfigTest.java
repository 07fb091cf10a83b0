package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

class CaptureConfigTest {

    @Test
    void bindSamplesAreOnByDefault() {
        assertThat(CaptureConfig.defaults().bindSamples()).isTrue();
    }

    @Test
    void bindSamplesCanBeSwitchedOff() {
        assertThat(config(Map.of("capture.bindSamples", "false")).bindSamples()).isFalse();
    }

    @Test
    void aWrongBindSamplesValueIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> config(Map.of("capture.bindSamples", "sometimes")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("capture.bindSamples")
                .hasMessageContaining("sometimes");
    }

    private static CaptureConfig config(Map<String, String> values) {
        return CaptureConfig.from(Settings.fromStrings(values, "test"));
    }
}
