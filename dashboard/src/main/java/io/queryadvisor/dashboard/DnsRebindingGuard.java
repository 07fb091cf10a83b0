package io.queryadvisor.dashboard;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests to a loopback-bound dashboard whose {@code Host} header names another site.
 *
 * <p>Binding to 127.0.0.1 keeps other machines out, but not a web page open in the developer's
 * own browser: by DNS rebinding, {@code evil.example} can be made to resolve to 127.0.0.1 and its
 * scripts could then read the application's SQL from our API, same-origin. Such requests carry
 * {@code Host: evil.example}; genuine ones name a loopback address or the configured host.
 * A dashboard deliberately bound to another interface is reached by names we cannot know, so
 * there the guard lets everything through.
 */
final class DnsRebindingGuard {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final boolean active;
    private final String configuredHost;

    DnsRebindingGuard(boolean boundToLoopback, String configuredHost) {
        this.active = boundToLoopback;
        this.configuredHost = configuredHost.toLowerCase(Locale.ROOT);
    }

    /** Whether a request with this {@code Host} header (null when absent, as in HTTP/1.0) may be answered. */
    boolean allows(String hostHeader) {
        if (!active || hostHeader == null) {
            return true; // browsers always send Host; a client without one is not a rebinding page
        }
        String host = withoutPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        return host.equals("localhost") || host.equals("[::1]") || host.equals(configuredHost)
                || IPV4_LOOPBACK.matcher(host).matches();
    }

    private static String withoutPort(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}
