package io.queryadvisor.advisor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.DatabaseIdentified;

/** Remembers each data source's database, for the report's {@code application} section. */
public final class DatabaseRecorder implements CaptureListener {

    private static final int MAX_SOURCES = 32;

    private final Map<String, ApplicationInfo.DatabaseInfo> bySource = new LinkedHashMap<>();

    @Override
    public synchronized void onDatabaseIdentified(DatabaseIdentified d) {
        if (bySource.size() < MAX_SOURCES || bySource.containsKey(d.source())) {
            bySource.put(d.source(), new ApplicationInfo.DatabaseInfo(d.source(), d.product(), d.driver(), d.url()));
        }
    }

    public synchronized List<ApplicationInfo.DatabaseInfo> databases() {
        return new ArrayList<>(bySource.values());
    }
}
