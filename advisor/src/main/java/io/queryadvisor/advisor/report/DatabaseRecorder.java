package io.queryadvisor.advisor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.Dialect;

/**
 * Remembers each data source's database: for the report's {@code application} section, and for the
 * rules, which write their suggestions in its dialect. Consumer thread only.
 */
public final class DatabaseRecorder implements CaptureListener {

    private static final int MAX_SOURCES = 32;

    private final Map<String, DatabaseIdentified> bySource = new LinkedHashMap<>();

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof DatabaseIdentified d && (bySource.size() < MAX_SOURCES || bySource.containsKey(d.source()))) {
            bySource.put(d.source(), d);
        }
    }

    public List<ApplicationInfo.DatabaseInfo> databases() {
        List<ApplicationInfo.DatabaseInfo> out = new ArrayList<>(bySource.size());
        for (DatabaseIdentified d : bySource.values()) {
            out.add(new ApplicationInfo.DatabaseInfo(d.source(), d.product(), d.driver(), d.url()));
        }
        return out;
    }

    /** The dialect of each data source, by source name. */
    public Map<String, Dialect> dialects() {
        Map<String, Dialect> out = new LinkedHashMap<>();
        bySource.forEach((source, d) -> out.put(source, d.dialect()));
        return out;
    }
}
