package io.queryadvisor.agent.config;

import java.nio.file.Path;
import java.util.function.Supplier;

import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.ProbeConfig;
import io.queryadvisor.advisor.report.ReportFormat;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.dashboard.DashboardConfig;

/**
 * The agent's whole configuration, read and validated once at start. Each part is the typed
 * record of the component it configures; the rules read their own keys from {@code settings}.
 *
 * @param enabled       {@code enabled=false} turns the agent off entirely
 * @param debug         stack traces with warnings
 * @param reportOnExit  where to write a report when the JVM exits (format from the extension), or {@code null}
 * @param capture       what the application's threads do
 * @param advisor       what the analysis keeps
 * @param dashboard     where the dashboard listens
 * @param settings      every value given, for rules and for the unused-key check
 */
public record AgentConfig(boolean enabled, boolean debug, Path reportOnExit, CaptureConfig capture,
                          AdvisorConfig advisor, DashboardConfig dashboard, Settings settings) {

    /**
     * Reads and checks everything, the rules' settings included, and says every wrong value at once
     * (see {@link Settings#validated}).
     */
    public static AgentConfig from(Settings s) {
        return s.validated(() -> {
            AgentConfig config = new AgentConfig(s.bool("enabled", true), s.bool("debug", false), reportPath(s),
                    part(s, () -> CaptureConfig.from(s)), part(s, () -> AdvisorConfig.from(s)),
                    part(s, () -> DashboardConfig.from(s)), s);
            part(s, () -> ProbeConfig.from(s));
            RuleRegistry.enabledRules(s); // each rule checks its own settings; the advisor makes its own later
            return config;
        });
    }

    private static Path reportPath(Settings s) {
        String report = s.string("reportOnExit", null);
        if (report == null || report.isBlank()) {
            return null;
        }
        try {
            ReportFormat.forFileName(report);
            return Path.of(report);
        } catch (IllegalArgumentException e) {
            s.reject(new ConfigurationException("queryadvisor.reportOnExit: " + e.getMessage() + " (from "
                    + s.origin("reportOnExit") + ")"));
            return null;
        }
    }

    /** One component's configuration; a check of its own that fails is recorded, and the others are still read. */
    private static <T> T part(Settings s, Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigurationException e) {
            s.reject(e);
            return null;
        }
    }
}
