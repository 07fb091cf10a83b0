package io.queryadvisor.dashboard;

import java.util.Objects;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

/**
 * Where the dashboard listens.
 *
 * @param enabled whether the agent starts it ({@code queryadvisor.dashboard.enabled}, default true);
 *                {@link DashboardServer#start} itself does not look at it
 * @param host    the address to bind ({@code queryadvisor.dashboard.host}); the default, 127.0.0.1,
 *                keeps the application's SQL off the network unless someone asks for it
 * @param port    the port ({@code queryadvisor.dashboard.port}, default 7070); 0 picks any free port
 */
public record DashboardConfig(boolean enabled, String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public DashboardConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("dashboard host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dashboard port must be from 0 to 65535, was " + port);
        }
    }

    public static DashboardConfig defaults() {
        return new DashboardConfig(true, DEFAULT_HOST, DEFAULT_PORT);
    }

    /** Reads {@code dashboard.enabled}, {@code dashboard.host} and {@code dashboard.port}. */
    public static DashboardConfig from(Settings settings) {
        boolean enabled = settings.bool("dashboard.enabled", true);
        String host = settings.string("dashboard.host", DEFAULT_HOST).trim();
        if (host.isEmpty()) {
            throw new ConfigurationException("queryadvisor.dashboard.host: expected an address such as "
                    + DEFAULT_HOST + ", got '' (from " + settings.origin("dashboard.host") + ")");
        }
        return new DashboardConfig(enabled, host, settings.integer("dashboard.port", DEFAULT_PORT, 0, 65_535));
    }
}
