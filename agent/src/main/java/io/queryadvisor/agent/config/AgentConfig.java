package io.queryadvisor.agent.config;

import java.nio.file.Path;

import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.report.ReportFormat;
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

    public static AgentConfig from(Settings s) {
        String report = s.string("reportOnExit", null);
        Path reportPath = null;
        if (report != null && !report.isBlank()) {
            try {
                ReportFormat.forFileName(report);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("queryadvisor.reportOnExit: " + e.getMessage() + " (from "
                        + s.origin("reportOnExit") + ")");
            }
            reportPath = Path.of(report);
        }
        return new AgentConfig(s.bool("enabled", true), s.bool("debug", false), reportPath, CaptureConfig.from(s),
                AdvisorConfig.from(s), DashboardConfig.from(s), s);
    }
}
