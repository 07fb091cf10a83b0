package io.queryadvisor.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a child JVM writes, line by line: kept in memory for the test to wait on and inspect, and
 * copied as it comes to a log file that survives the run.
 */
final class ChildOutput {

    /** Which of the child's streams a line came from. */
    enum Stream { STDOUT, STDERR }

    /** One line as the child wrote it, {@code millis} after the child started. */
    record Line(long millis, Stream stream, String text) {
        @Override
        public String toString() {
            return String.format("%6.2fs %s %s", millis / 1000.0, stream == Stream.STDOUT ? "out|" : "err|", text);
        }
    }

    private final long startNanos = System.nanoTime();
    private final Path logFile;
    private final Writer log;
    private final List<Line> lines = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();
    private int openStreams;

    ChildOutput(Path logFile) {
        this.logFile = logFile;
        try {
            Files.createDirectories(logFile.getParent());
            this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts copying one of the child's streams. */
    synchronized void pump(Stream stream, InputStream in, String threadName) {
        openStreams++;
        Thread pump = new Thread(() -> copy(stream, in), threadName);
        pump.setDaemon(true);
        pumps.add(pump);
        pump.start();
    }

    /**
     * The first line of {@code stream} that matches, waiting for it up to {@code timeout}; empty when
     * the time runs out or the child closed its streams without writing one.
     */
    synchronized Optional<String> awaitLine(Stream stream, Predicate<String> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> found = lines.stream()
                    .filter(l -> l.stream() == stream && matching.test(l.text()))
                    .map(Line::text)
                    .findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || openStreams == 0 || left <= 0) {
                return found;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The lines of one stream written so far. */
    synchronized List<String> lines(Stream stream) {
        return lines.stream().filter(l -> l.stream() == stream).map(Line::text).toList();
    }

    /** The last {@code n} lines of both streams, in the order they arrived, for failure messages. */
    synchronized String tail(int n) {
        List<Line> last = lines.subList(Math.max(0, lines.size() - n), lines.size());
        StringBuilder b = new StringBuilder("--- last ").append(last.size()).append(" lines of the child (full log: ")
                .append(logFile).append(") ---\n");
        last.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /** Waits for the streams to be drained (after the child ended) and closes the log. */
    void close(Duration timeout) throws InterruptedException {
        for (Thread pump : List.copyOf(pumps)) {
            pump.join(timeout.toMillis());
        }
        synchronized (this) {
            try {
                log.close();
            } catch (IOException e) {
                // The log is a convenience; the lines are still in memory for the assertions.
            }
        }
    }

    private void copy(Stream stream, InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                add(stream, text);
            }
        } catch (IOException e) {
            add(stream, "(reading the child's " + stream + " failed: " + e + ")");
        } finally {
            synchronized (this) {
                openStreams--;
                notifyAll();
            }
        }
    }

    /** Records what the test did, in the log only, so the log shows where the time went. */
    synchronized void note(String text) {
        write(String.format("%6.2fs test| %s", elapsedMillis() / 1000.0, text));
    }

    private synchronized void add(Stream stream, String text) {
        Line line = new Line(elapsedMillis(), stream, text);
        lines.add(line);
        write(line.toString());
        notifyAll();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void write(String text) {
        try {
            log.write(text + "\n");
            log.flush();
        } catch (IOException e) {
            // Keep the line in memory; the file is only a copy.
        }
    }
}
