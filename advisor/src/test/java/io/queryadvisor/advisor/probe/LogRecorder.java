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

    /** How many records so far mention {@code text}, in their message or in their exception's (or its causes'). */
    public long recordsMentioning(String text) {
        return records.stream().filter(r -> mentions(r, text)).count();
    }

    private static boolean mentions(LogRecord record, String text) {
        if (record.getMessage() != null && record.getMessage().contains(text)) {
            return true;
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
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
