package io.queryadvisor.dashboard;

import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The dashboard could not listen on its address, most often because another process holds the
 * port. The message is one line, fit for a log, naming the address and the property to change;
 * the agent logs it and the application runs on without a dashboard.
 */
public final class DashboardPortUnavailableException extends RuntimeException {

    private final transient InetSocketAddress address;

    DashboardPortUnavailableException(InetSocketAddress address, BindException cause) {
        super("Query Advisor dashboard cannot listen on " + address.getHostString() + ":" + address.getPort()
                + " (" + reason(cause) + "): set queryadvisor.dashboard.port to a free port, or to 0 for any free port",
                cause);
        this.address = address;
    }

    /** The address that could not be bound. */
    public InetSocketAddress address() {
        return address;
    }

    private static String reason(BindException cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "address unavailable" : message.replaceAll("\\s+", " ").trim();
    }
}
