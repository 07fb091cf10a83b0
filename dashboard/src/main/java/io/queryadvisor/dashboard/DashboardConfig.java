package io.queryadvisor.dashboard;

import java.util.Objects;
import java.util.regex.Pattern;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

/**
 * Where the dashboard listens, and what a request must show to be answered.
 *
 * @param enabled whether the agent starts it ({@code queryadvisor.dashboard.enabled}, default true);
 *                {@link DashboardServer#start} itself does not look at it
 * @param host    the address to bind ({@code queryadvisor.dashboard.host}); the default, 127.0.0.1,
 *                keeps the application's SQL off the network unless someone asks for it
 * @param port    the port ({@code queryadvisor.dashboard.port}, default 7070); 0 picks any free port
 * @param token   the token every request must carry ({@code queryadvisor.dashboard.token}), or
 *                {@code null}: then a dashboard bound beyond loopback makes up a random one, and a
 *                loopback one asks for none
 */
public record DashboardConfig(boolean enabled, String host, int port, String token) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** Long enough that guessing it over the network is hopeless; the made-up ones are longer. */
    static final int MIN_TOKEN_LENGTH = 16;
    /** Characters that pass unchanged in a header, a cookie and a URL's query. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    public DashboardConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("dashboard host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dashboard port must be from 0 to 65535, was " + port);
        }
        if (token != null) {
            String problem = tokenProblem(token);
            if (problem != null) {
                throw new IllegalArgumentException("dashboard token " + problem);
            }
        }
    }

    /** A dashboard without a token of its own (one is made up if it is bound beyond loopback). */
    public DashboardConfig(boolean enabled, String host, int port) {
        this(enabled, host, port, null);
    }

    public static DashboardConfig defaults() {
        return new DashboardConfig(true, DEFAULT_HOST, DEFAULT_PORT);
    }

    /** Reads {@code dashboard.enabled}, {@code dashboard.host}, {@code dashboard.port} and {@code dashboard.token}. */
    public static DashboardConfig from(Settings settings) {
        boolean enabled = settings.bool("dashboard.enabled", true);
        String host = settings.string("dashboard.host", DEFAULT_HOST).trim();
        if (host.isEmpty()) {
            throw new ConfigurationException("queryadvisor.dashboard.host: expected an address such as "
                    + DEFAULT_HOST + ", got '' (from " + settings.origin("dashboard.host") + ")");
        }
        String token = settings.string("dashboard.token", null);
        if (token != null && tokenProblem(token) != null) {
            // the value itself is not repeated: it is a secret, and the message goes to the log
            throw new ConfigurationException("queryadvisor.dashboard.token: " + tokenProblem(token)
                    + " (from " + settings.origin("dashboard.token") + ")");
        }
        return new DashboardConfig(enabled, host, settings.integer("dashboard.port", DEFAULT_PORT, 0, 65_535), token);
    }

    private static String tokenProblem(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            return "must be at least " + MIN_TOKEN_LENGTH + " characters long";
        }
        if (!TOKEN.matcher(token).matches()) {
            return "may hold only letters, digits and . _ ~ -";
        }
        return null;
    }

    /** Never shows the token: a configuration is the kind of thing that gets logged. */
    @Override
    public String toString() {
        return "DashboardConfig[enabled=" + enabled + ", host=" + host + ", port=" + port
                + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
