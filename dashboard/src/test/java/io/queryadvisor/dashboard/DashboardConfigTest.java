package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

class DashboardConfigTest {

    @Test
    void defaultsToEnabledOnLoopbackPort7070() {
        DashboardConfig config = DashboardConfig.from(Settings.empty());

        assertThat(config).isEqualTo(new DashboardConfig(true, "127.0.0.1", 7070)).isEqualTo(DashboardConfig.defaults());
    }

    @Test
    void readsHostPortAndEnabledFromSettings() {
        DashboardConfig config = DashboardConfig.from(settings(Map.of(
                "dashboard.host", "0.0.0.0", "dashboard.port", "8081", "dashboard.enabled", "false")));

        assertThat(config).isEqualTo(new DashboardConfig(false, "0.0.0.0", 8081));
    }

    @Test
    void acceptsPortZeroForAnyFreePort() {
        assertThat(DashboardConfig.from(settings(Map.of("dashboard.port", "0"))).port()).isZero();
    }

    @Test
    void rejectsPortOutOfRangeNamingTheProperty() {
        assertThatThrownBy(() -> DashboardConfig.from(settings(Map.of("dashboard.port", "70000"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.dashboard.port").hasMessageContaining("70000");
    }

    @Test
    void rejectsBlankHostNamingTheProperty() {
        assertThatThrownBy(() -> DashboardConfig.from(settings(Map.of("dashboard.host", " "))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.dashboard.host");
    }

    @Test
    void readsTheToken() {
        DashboardConfig config = DashboardConfig.from(settings(Map.of("dashboard.token", "s3cret-s3cret-s3cret")));

        assertThat(config.token()).isEqualTo("s3cret-s3cret-s3cret");
        assertThat(DashboardConfig.from(Settings.empty()).token()).isNull();
    }

    @Test
    void rejectsAShortTokenNamingThePropertyButNotTheValue() {
        assertThatThrownBy(() -> DashboardConfig.from(settings(Map.of("dashboard.token", "hunter2"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.dashboard.token").hasMessageContaining("16")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsATokenThatAUrlWouldChange() {
        assertThatThrownBy(() -> DashboardConfig.from(settings(Map.of("dashboard.token", "s3cret s3cret&s3cret"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.dashboard.token");
    }

    @Test
    void neverShowsTheTokenInItsText() {
        assertThat(new DashboardConfig(true, "0.0.0.0", 7070, "s3cret-s3cret-s3cret").toString())
                .doesNotContain("s3cret").contains("token=***");
    }

    private static Settings settings(Map<String, String> values) {
        return Settings.fromStrings(values, "test");
    }
}
