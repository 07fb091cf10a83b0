package io.queryadvisor.agent;

import io.queryadvisor.capture.CaptureLog;

/**
 * The agent's own voice, shared with the capture layer ({@link CaptureLog}): one line per message
 * on standard error, prefixed {@code [query-advisor]}, each kind of problem said once.
 */
public final class AgentLog {

    private AgentLog() {
    }

    public static void info(String message) {
        CaptureLog.info(message);
    }

    public static void setDebug(boolean on) {
        CaptureLog.setDebug(on);
    }

    /** Logs {@code message} (with the stack trace only in debug mode) the first time {@code kind} goes wrong. */
    public static void warnOnce(String kind, String message, Throwable cause) {
        CaptureLog.warnOnce(kind, message, cause);
    }
}
