package io.queryadvisor.agent;

import java.lang.instrument.Instrumentation;
import java.util.Set;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.agent.capture.Capture;
import io.queryadvisor.agent.config.AgentConfig;
import io.queryadvisor.agent.config.ConfigSources;
import io.queryadvisor.agent.instrument.AgentInstaller;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.agent.jdbc.JdbcWrappers;
import io.queryadvisor.dashboard.DashboardPortUnavailableException;
import io.queryadvisor.dashboard.DashboardServer;

/**
 * The {@code -javaagent} entry point ({@code Premain-Class}, and {@code Agent-Class} for a late
 * attach). It wires configuration, advisor, capture, instrumentation and dashboard, in that
 * order. Whatever goes wrong here is said in one line and the application starts as if the
 * agent were not there.
 */
public final class QueryAdvisorAgent {

    private static boolean started;

    private QueryAdvisorAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    private static synchronized void start(String arguments, Instrumentation instrumentation) {
        if (started) {
            AgentLog.info("already running; the second attach is ignored");
            return;
        }
        started = true;
        long begin = System.nanoTime();
        try {
            AgentConfig config = AgentConfig.from(ConfigSources.read(arguments));
            AgentLog.setDebug(config.debug());
            if (!config.enabled()) {
                AgentLog.info("disabled by configuration (enabled=false)");
                return;
            }
            Advisor advisor = Advisor.start(config.advisor());
            if (config.capture().enabled()) {
                JdbcWrappers.class.getName(); // generate the wrappers now: a failure disables capture up front
                ConnectionWrapping.install(new Capture(advisor.buffer(), config.capture()));
                AgentInstaller.install(instrumentation);
            }
            startDashboard(config, advisor);
            if (config.reportOnExit() != null) {
                ReportOnExit.register(advisor, config.reportOnExit());
            }
            warnAboutUnusedKeys(config);
            AgentLog.info("started in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        } catch (ConfigurationException e) {
            AgentLog.info("configuration error: " + e.getMessage() + ". Query Advisor is off; the application runs unchanged.");
        } catch (Throwable t) {
            ConnectionWrapping.install(null);
            AgentLog.warnOnce("start", "could not start; Query Advisor is off and the application runs unchanged", t);
        }
    }

    private static void startDashboard(AgentConfig config, Advisor advisor) {
        if (!config.dashboard().enabled()) {
            return;
        }
        try {
            DashboardServer server = DashboardServer.start(config.dashboard(), advisor);
            AgentLog.info("dashboard: " + server.url());
        } catch (DashboardPortUnavailableException e) {
            AgentLog.info(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            AgentLog.warnOnce("dashboard", "the dashboard could not start; capture and reports go on", e);
        }
    }

    private static void warnAboutUnusedKeys(AgentConfig config) {
        Set<String> unused = config.settings().unusedKeys();
        if (!unused.isEmpty()) {
            AgentLog.info("unknown settings ignored (check their spelling in the README): " + String.join(", ", unused));
        }
    }
}
