package io.queryadvisor.agent;

import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.agent.config.AgentConfig;
import io.queryadvisor.agent.config.ConfigSources;
import io.queryadvisor.agent.instrument.AgentInstaller;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.jdbc.JdbcWrappers;
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
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static synchronized void start(String arguments, Instrumentation instrumentation, boolean lateAttach) {
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
                ConnectionWrapping.install(new Capture(advisor.buffer(), config.capture()));
                generateWrappersInBackground();
                AgentInstaller.install(instrumentation, lateAttach);
            }
            startDashboardInBackground(config, advisor);
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

    /**
     * Generating the JDBC wrappers takes a few hundred milliseconds; done here, on a thread of our
     * own, it overlaps the application's start instead of delaying it. A connection wrapped before
     * it is done waits for it (class initialisation); if it fails, capture switches itself off.
     */
    private static void generateWrappersInBackground() {
        Thread thread = new Thread(() -> {
            try {
                Class.forName(JdbcWrappers.class.getName(), true, QueryAdvisorAgent.class.getClassLoader());
            } catch (Throwable t) {
                ConnectionWrapping.install(null);
                AgentLog.warnOnce("wrappers", "could not generate the JDBC wrappers; capture is off", t);
            }
        }, "query-advisor-init");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The dashboard's server, its metrics registry and its pages take a few hundred milliseconds of
     * class loading: on a thread of our own they overlap the application's start instead of
     * delaying it. Its line ({@code dashboard: URL}) is printed when it listens.
     */
    private static void startDashboardInBackground(AgentConfig config, Advisor advisor) {
        if (!config.dashboard().enabled()) {
            return;
        }
        Thread thread = new Thread(() -> startDashboard(config, advisor), "query-advisor-dashboard-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void startDashboard(AgentConfig config, Advisor advisor) {
        try {
            DashboardServer server = DashboardServer.start(config.dashboard(), advisor);
            dashboardLines(server).forEach(AgentLog::info);
        } catch (DashboardPortUnavailableException e) {
            AgentLog.info(e.getMessage());
        } catch (Throwable e) {
            AgentLog.warnOnce("dashboard", "the dashboard could not start; capture and reports go on", e);
        }
    }

    /**
     * What the agent says of a started dashboard: where it is, with its token when the token was
     * made up at start (this line is the only place it is ever shown), and one warning first when
     * it listens beyond loopback.
     */
    static List<String> dashboardLines(DashboardServer server) {
        String line = "dashboard: " + server.accessUrl();
        if (!server.exposed()) {
            return List.of(line);
        }
        InetAddress bound = server.address().getAddress();
        String where = (bound.isAnyLocalAddress() ? "every interface" : bound.getHostAddress()) + ", port " + server.port();
        return List.of("WARNING the dashboard listens beyond loopback (" + where + "): whoever reaches it and holds"
                + " its token (" + (server.tokenGenerated() ? "made up at start, in the next line" : "dashboard.token")
                + ") reads the application's SQL", line);
    }

    private static void warnAboutUnusedKeys(AgentConfig config) {
        Set<String> unused = config.settings().unusedKeys();
        if (!unused.isEmpty()) {
            AgentLog.info("unknown settings ignored (check their spelling in the README): " + String.join(", ", unused));
        }
    }
}
