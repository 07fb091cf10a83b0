package io.queryadvisor.advisor.rules.slowquery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.report.Json;
import io.queryadvisor.advisor.rules.support.Impact;

/**
 * Writes each slow statement as one JSON line, for log pipelines (ELK, Loki) to index:
 *
 * <pre>{@code
 * {"timestamp":"2025-01-31T10:15:30.123Z","rule":"slow-query","durationMs":412.5,"fingerprintId":"3f2a9c0d1e2b4a5f",
 *  "sql":"SELECT * FROM orders WHERE customer_id = ?","rows":120,"callSite":"com.shop.OrderDao.find(OrderDao.java:42)",
 *  "thread":"http-nio-8080-exec-3","connectionId":17,"error":null}
 * }</pre>
 *
 * <p>{@code sql} is the fingerprint, never the statement as run: log pipelines are read by more
 * people than the database is, and literals carry customer data. {@code callSite} is {@code null}
 * when the capture did not sample it.
 *
 * <p>A burst of slow statements (a database under lock contention makes every statement slow) must
 * not flood the pipeline, so at most {@code limitPerSecond} lines are written per second of the
 * statements' own time; the others are counted, and the next line written says how many were
 * suppressed before it ({@code "suppressed":n}, present only then). Statement time rather than the
 * clock is used so that a backlog drained at once is limited as the application produced it.
 *
 * <p>It runs on the advisor's consumer thread, never on an application thread. Not thread-safe.
 */
final class SlowQueryLog {

    /** The {@link System.Logger} the lines go to (see {@link #sink}). */
    static final String LOGGER_NAME = "io.queryadvisor.slow";

    private final String rule;
    private final int limitPerSecond;
    private final Consumer<String> sink;
    private long currentSecond = Long.MIN_VALUE;
    private int writtenThisSecond;
    private long suppressedSinceLastLine;
    private long suppressed;
    private long written;

    /**
     * @param rule           the rule id the lines carry
     * @param limitPerSecond lines written per second at most; 0 writes none
     * @param sink           receives each line
     */
    SlowQueryLog(String rule, int limitPerSecond, Consumer<String> sink) {
        this.rule = rule;
        this.limitPerSecond = limitPerSecond;
        this.sink = sink;
    }

    /**
     * Where the lines go, by the {@code logTo} setting: {@code logger} (the default) writes them to
     * the {@value #LOGGER_NAME} platform logger at DEBUG, quiet unless the application's logging
     * turns that logger on (attached to a real service, a line per slow statement on its console
     * would flood its logs); {@code jul} to that logger at INFO; {@code stderr} to the standard
     * error stream (containers whose platform ships it); {@code file:PATH} appended to a file of
     * JSON lines that Filebeat or Promtail can tail.
     */
    static Consumer<String> sink(String name) {
        String value = name.trim();
        if (value.regionMatches(true, 0, "file:", 0, 5) && value.length() > 5) {
            return new JsonLinesFile(Path.of(value.substring(5)));
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "logger":
                return new LoggerSink(System.getLogger(LOGGER_NAME), System.Logger.Level.DEBUG);
            case "jul":
                return new LoggerSink(System.getLogger(LOGGER_NAME), System.Logger.Level.INFO);
            case "stderr":
                return System.err::println;
            default:
                throw new ConfigurationException("queryadvisor.rules.slow-query.logTo: expected logger, jul, stderr"
                        + " or file:PATH, got '" + name + "'");
        }
    }

    /** Writes the line of {@code statement}, unless this second's lines are used up. */
    void write(ObservedStatement statement) {
        if (limitPerSecond == 0) {
            return;
        }
        long second = Math.floorDiv(statement.epochMillis(), 1_000);
        // Events arrive in completion order but carry their start time, so time can step back a
        // little: an earlier second is counted against the current one.
        if (second > currentSecond) {
            currentSecond = second;
            writtenThisSecond = 0;
        }
        if (writtenThisSecond >= limitPerSecond) {
            suppressedSinceLastLine++;
            suppressed++;
            return;
        }
        writtenThisSecond++;
        written++;
        if (sink instanceof LoggerSink logger && !logger.on()) {
            suppressedSinceLastLine = 0; // the logger would drop it: not even built
            return;
        }
        String line = line(statement, suppressedSinceLastLine);
        suppressedSinceLastLine = 0;
        sink.accept(line);
    }

    /**
     * A platform logger at a level. A line it would discard (the default: DEBUG, which applications
     * leave off) is never built, so an application that does not read these lines does not pay for
     * their JSON, nor load Jackson for them: about 400 classes at its start.
     */
    record LoggerSink(System.Logger logger, System.Logger.Level level) implements Consumer<String> {

        boolean on() {
            return logger.isLoggable(level);
        }

        @Override
        public void accept(String line) {
            logger.log(level, line);
        }
    }

    /** Lines written so far. */
    long written() {
        return written;
    }

    /** Lines left out by the rate limit so far. */
    long suppressed() {
        return suppressed;
    }

    private String line(ObservedStatement statement, long suppressedBefore) {
        StatementExecuted e = statement.event();
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("timestamp", Instant.ofEpochMilli(statement.epochMillis()).toString());
        line.put("rule", rule);
        line.put("durationMs", Impact.round(e.durationNanos() / 1_000_000.0));
        line.put("fingerprintId", statement.fingerprint().id());
        line.put("sql", statement.fingerprint().text());
        if (e.rowsRead() >= 0) {
            line.put("rows", e.rowsRead());
        } else {
            line.putNull("rows");
        }
        line.put("callSite", e.callSite() == null ? null : e.callSite().toString());
        line.put("thread", e.threadName());
        line.put("connectionId", e.connectionId());
        line.put("error", e.error());
        if (suppressedBefore > 0) {
            line.put("suppressed", suppressedBefore);
        }
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException impossible) {
            // A tree of strings and numbers always serialises.
            throw new IllegalStateException(impossible);
        }
    }
}
