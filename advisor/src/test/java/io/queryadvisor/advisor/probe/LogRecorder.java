package io.queryadvisor.advisor.probe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the advisor logs (System.Logger "io.queryadvisor", which goes to java.util.logging here). */
public final class LogRecorder extends Handler implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger("io.queryadvisor");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public static LogRecorder attach() {
        LogRecorder recorder = new LogRecorder();
        LOGGER.addHandler(recorder);
        return recorder;
    }

    /** The messages logged so far that contain {@code text}. */
    public List<String> messagesContaining(String text) {
        return records.stream().map(LogRecord::getMessage).filter(m -> m != null && m.contains(text)).toList();
    }

    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
