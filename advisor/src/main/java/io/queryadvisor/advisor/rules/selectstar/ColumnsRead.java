package io.queryadvisor.advisor.rules.selectstar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * The result-set columns the application read over every execution of one fingerprint: labels read
 * by name, in first-read order, and positions read by index.
 *
 * <p>Labels are compared without case, as {@code ResultSet.findColumn} does, and kept in the
 * spelling first read. At most {@value #MAX_NAMES} are kept (a select list rarely has a hundred);
 * any more are counted, so the state stays bounded even for generated labels.
 */
final class ColumnsRead {

    static final int MAX_NAMES = 256;

    private final Map<String, String> names = new LinkedHashMap<>();
    private long positions;
    private long namesNotKept;

    void record(StatementExecuted e) {
        positions |= e.columnsByIndex();
        for (String label : e.columnsByName()) {
            String key = label.toLowerCase(Locale.ROOT);
            if (names.containsKey(key)) {
                continue;
            }
            if (names.size() < MAX_NAMES) {
                names.put(key, label);
            } else {
                namesNotKept++;
            }
        }
    }

    /** Labels read by name, in first-read order. */
    List<String> names() {
        return List.copyOf(names.values());
    }

    /** Columns (1-based) read by index, ascending. */
    List<Integer> positions() {
        List<Integer> read = new ArrayList<>();
        // Bit 0 is never set: JDBC columns count from 1.
        for (int i = 1; i < Long.SIZE; i++) {
            if ((positions & (1L << i)) != 0) {
                read.add(i);
            }
        }
        return read;
    }

    /** Everything read, as the report shows it: names first, then positions as {@code #i}. */
    List<String> labels() {
        List<String> labels = new ArrayList<>(names.values());
        positions().forEach(i -> labels.add("#" + i));
        return labels;
    }

    boolean none() {
        return names.isEmpty() && positions == 0 && namesNotKept == 0;
    }

    /** Reads of labels that found the list full (one label read in several executions counts each time). */
    long namesNotKept() {
        return namesNotKept;
    }
}
