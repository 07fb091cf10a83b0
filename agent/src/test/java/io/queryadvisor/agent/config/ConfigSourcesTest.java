package io.queryadvisor.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

class ConfigSourcesTest {

    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatEnvironment() {
        Settings s = ConfigSources.read("dashboard.port=7001",
                properties("queryadvisor.dashboard.port", "7002", "queryadvisor.dashboard.host", "0.0.0.0"),
                Map.of("QUERYADVISOR_DASHBOARD_PORT", "7003", "QUERYADVISOR_DASHBOARD_HOST", "10.0.0.1",
                        "QUERYADVISOR_CAPTURE_BUFFER_SIZE", "4096"));

        assertThat(s.integer("dashboard.port", 0, 0, 65535)).isEqualTo(7001);
        assertThat(s.string("dashboard.host", null)).isEqualTo("0.0.0.0");
        assertThat(s.integer("capture.bufferSize", 0, 0, 1 << 20)).isEqualTo(4096);
    }

    @Test
    void environmentVariableNamesMapToDottedKeys() {
        Settings s = ConfigSources.read(null, new Properties(),
                Map.of("QUERYADVISOR_RULES_SLOW_QUERY_THRESHOLD", "250ms"));

        assertThat(s.duration("rules.slow-query.threshold", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(s.origin("rules.slow-query.threshold"))
                .isEqualTo("environment variable QUERYADVISOR_RULES_SLOW_QUERY_THRESHOLD");
    }

    @Test
    void agentArgumentListsKeepTheirCommas() {
        Settings s = ConfigSources.read("callSite.exclude=com.acme.db,com.acme.orm,dashboard.port=0",
                new Properties(), Map.of());

        assertThat(s.list("callSite.exclude", null)).containsExactly("com.acme.db", "com.acme.orm");
        assertThat(s.integer("dashboard.port", 7070, 0, 65535)).isZero();
    }

    @Test
    void rejectsAnArgumentThatIsNotKeyValue() {
        assertThatThrownBy(() -> ConfigSources.read("verbose", new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'verbose' is not key=value");
    }

    @Test
    void invalidValueNamesPropertyAndSource() {
        Settings s = ConfigSources.read(null, properties("queryadvisor.dashboard.port", "eighty"), Map.of());

        assertThatThrownBy(() -> AgentConfig.from(s))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.dashboard.port")
                .hasMessageContaining("eighty")
                .hasMessageContaining("system property queryadvisor.dashboard.port");
    }

    @Test
    void saysEveryWrongValueAtOnce() {
        Settings s = ConfigSources.read("dashboard.port=eighty,rules.slow-query.threshold=fast,"
                + "rules.n-plus-one.threshold=1,reportOnExit=out/report.txt", new Properties(), Map.of());

        assertThatThrownBy(() -> AgentConfig.from(s))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("4 settings are wrong: ")
                .hasMessageContaining("queryadvisor.dashboard.port")
                .hasMessageContaining("queryadvisor.rules.slow-query.threshold")
                .hasMessageContaining("queryadvisor.rules.n-plus-one.threshold")
                .hasMessageContaining("queryadvisor.reportOnExit");
    }

    @Test
    void saysEveryWrongValueOfOneRuleAtOnceThoseItChecksItselfIncluded() {
        Settings s = ConfigSources.read("rules.slow-query.logTo=nowhere,rules.slow-query.threshold=fast,"
                + "rules.n-plus-one.maxStatementsPerUnit=3,rules.n-plus-one.maxUnitAge=0s,"
                + "probe.statementTimeout=1h,probe.lockTimeout=0ms", new Properties(), Map.of());

        assertThatThrownBy(() -> AgentConfig.from(s))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("6 settings are wrong: ")
                .hasMessageContaining("queryadvisor.rules.slow-query.logTo")
                .hasMessageContaining("queryadvisor.rules.slow-query.threshold")
                .hasMessageContaining("queryadvisor.rules.n-plus-one.maxStatementsPerUnit")
                .hasMessageContaining("queryadvisor.rules.n-plus-one.maxUnitAge")
                .hasMessageContaining("queryadvisor.probe.statementTimeout")
                .hasMessageContaining("queryadvisor.probe.lockTimeout");
    }

    @Test
    void acceptsTheSettingsOfARuleThatIsOffQuietly() {
        Settings s = ConfigSources.read("rules.n-plus-one.enabled=false,rules.n-plus-one.threshold=7,"
                + "rules.missing-index.minTableRows=1000", new Properties(), Map.of());
        AgentConfig.from(s);

        assertThat(s.unusedKeys()).isEmpty();
    }

    @Test
    void reportOnExitNeedsAKnownExtension() {
        Settings s = ConfigSources.read("reportOnExit=out/report.txt", new Properties(), Map.of());

        assertThatThrownBy(() -> AgentConfig.from(s))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryadvisor.reportOnExit");
    }

    @Test
    void unknownKeysAreReportedAsUnused() {
        Settings s = ConfigSources.read("dashbord.port=1", new Properties(), Map.of());
        AgentConfig.from(s);

        assertThat(s.unusedKeys()).containsExactly("dashbord.port (from agent argument dashbord.port)");
    }

    @Test
    void defaultsNeedNoConfiguration() {
        AgentConfig config = AgentConfig.from(ConfigSources.read("", new Properties(), Map.of()));

        assertThat(config.enabled()).isTrue();
        assertThat(config.dashboard().port()).isEqualTo(7070);
        assertThat(config.dashboard().host()).isEqualTo("127.0.0.1");
        assertThat(config.reportOnExit()).isNull();
    }
}
