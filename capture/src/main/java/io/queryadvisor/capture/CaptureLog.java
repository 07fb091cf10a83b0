package io.queryadvisor.capture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query Advisor's own voice: one line per message on standard error, prefixed {@code [query-advisor]},
 * never through the application's logging (whose configuration we must not depend on or disturb).
 * Problems are said once per kind: a failure that repeats a million times is logged once.
 *
 * <p>Never called on the capture path's common case: only where something already went wrong.
 */
public final class CaptureLog {

    private static final String PREFIX = "[query-advisor] ";
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
    private static volatile boolean debug;

    private CaptureLog() {
    }

    public static void info(String message) {
        System.err.println(PREFIX + message);
    }

    public static void setDebug(boolean on) {
        debug = on;
    }

    /** Logs {@code message} as a warning, every time: for what happens once by construction. */
    public static void warn(String message) {
        System.err.println(PREFIX + "WARNING " + message);
    }

    /** Logs {@code message} (with the stack trace only in debug mode) the first time {@code kind} goes wrong. */
    public static void warnOnce(String kind, String message, Throwable cause) {
        if (SAID.add(kind)) {
            String reason = cause == null ? "" : ": " + cause;
            System.err.println(PREFIX + "WARNING " + message + reason);
            if (debug && cause != null) {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                System.err.print(trace);
            }
        }
    }
}
