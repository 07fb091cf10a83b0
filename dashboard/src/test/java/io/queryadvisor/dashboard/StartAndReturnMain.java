package io.queryadvisor.dashboard;

import java.io.InputStream;
import java.net.URI;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;

/**
 * An application that starts the dashboard from its main thread, uses it once and returns from
 * main without closing anything: its JVM must then exit by itself. Run by {@link DashboardServerTest}.
 */
public final class StartAndReturnMain {

    private StartAndReturnMain() {
    }

    public static void main(String[] args) throws Exception {
        Advisor advisor = Advisor.start(AdvisorConfig.defaults());
        DashboardServer dashboard = DashboardServer.start(new DashboardConfig(true, "127.0.0.1", 0), advisor);
        try (InputStream in = URI.create(dashboard.url() + "api/queries").toURL().openStream()) {
            in.readAllBytes();
        }
        System.out.println("served " + dashboard.url());
    }
}
