package io.queryadvisor.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.queryadvisor.advisor.probe.LogRecorder;

/**
 * What Query Advisor says while a test runs, in both its voices: the capture layer's and the
 * agent's lines on standard error ({@code [query-advisor] ...}), and the advisor's
 * {@code System.Logger} records (java.util.logging here). Standard error still reaches the console.
 */
final class QueryAdvisorLog implements AutoCloseable {

    private static final String OWN_LINE = "[query-advisor] ";

    private final PrintStream console = System.err;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final LogRecorder records = LogRecorder.attach();

    QueryAdvisorLog() {
        System.setErr(new PrintStream(new Both(console, lines), true, StandardCharsets.UTF_8));
    }

    /** How many times something naming {@code text} was logged: records (their message or exception) and our own lines. */
    long timesSaid(String text) {
        String said;
        synchronized (lines) {
            said = lines.toString(StandardCharsets.UTF_8);
        }
        long inLines = said.lines().filter(line -> line.startsWith(OWN_LINE) && line.contains(text)).count();
        return records.recordsMentioning(text) + inLines;
    }

    @Override
    public void close() {
        records.close();
        System.setErr(console);
    }
    /** Writes to the console and keeps a copy. */
    private static final class Both extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Both(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
