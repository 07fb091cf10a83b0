package io.queryadvisor.advisor.probe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.CaptureListener;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Keeps a few sampled bind values per fingerprint, so that the probe can EXPLAIN a statement for
 * values the application really used: at most {@value #PER_FINGERPRINT} distinct samples per
 * fingerprint (the latest), of SELECT, UPDATE and DELETE statements only (the statements an index
 * serves), for at most a configured number of fingerprints (the least recently seen go first), and
 * at most {@value #MAX_TOTAL_BYTES} bytes in all, whatever the workload.
 *
 * <p>Bind values are application data: they stay in this memory, are handed only to the probe,
 * and are never exported, logged or shown ({@link BindSample#toString()} says how many, not what).
 * A value that is large ({@value #MAX_VALUE_LENGTH} characters or bytes) or of a type the probe
 * cannot bind again faithfully makes the whole sample skipped, and counted.
 *
 * <p>Consumer thread only, as every listener: rules read it there too, so it needs no lock.
 */
public final class BindSamples implements CaptureListener {

    public static final int PER_FINGERPRINT = 3;
    static final int MAX_VALUE_LENGTH = 1_024;
    static final int MAX_SAMPLE_BYTES = 8_192;
    static final int MAX_SQL_LENGTH = 4_096;
    static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
    private static final int OVERHEAD_BYTES = 64;
    private static final Set<StatementType> SAMPLED = Set.of(StatementType.SELECT, StatementType.UPDATE,
            StatementType.DELETE);

    private record Kept(BindSample sample, long bindHash, long bytes) {
    }

    private final int maxFingerprints;
    private final LinkedHashMap<String, ArrayDeque<Kept>> byFingerprint = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long evicted;
    private long skipped;

    public BindSamples(int maxFingerprints) {
        if (maxFingerprints < 1) {
            throw new IllegalArgumentException("maxFingerprints must be at least 1, was " + maxFingerprints);
        }
        this.maxFingerprints = maxFingerprints;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement o) {
            observe(o);
        }
    }

    private void observe(ObservedStatement o) {
        StatementExecuted e = o.event();
        if (e.bindValues() == null || e.failed() || e.batchSize() > 1 || !SAMPLED.contains(o.fingerprint().type())) {
            return;
        }
        long size = sizeOf(e.bindValues());
        if (size < 0 || e.sql().length() > MAX_SQL_LENGTH) {
            skipped++;
            return;
        }
        size += OVERHEAD_BYTES + 2L * e.sql().length();
        String id = o.fingerprint().id();
        ArrayDeque<Kept> kept = byFingerprint.get(id);
        if (kept == null) {
            kept = new ArrayDeque<>(PER_FINGERPRINT);
            byFingerprint.put(id, kept);
        } else if (contains(kept, e)) {
            return; // the same values again: nothing new to plan for
        }
        kept.addLast(new Kept(new BindSample(e.source(), e.sql(), Arrays.asList(copy(e.bindValues()))), e.bindHash(),
                size));
        bytes += size;
        if (kept.size() > PER_FINGERPRINT) {
            bytes -= kept.removeFirst().bytes();
        }
        evictBeyondBounds();
    }

    /** The samples of a fingerprint, oldest first; empty when there are none. */
    public List<BindSample> samples(String fingerprintId) {
        ArrayDeque<Kept> kept = byFingerprint.get(fingerprintId);
        if (kept == null) {
            return List.of();
        }
        List<BindSample> out = new ArrayList<>(kept.size());
        kept.forEach(k -> out.add(k.sample()));
        return out;
    }

    /** Fingerprints with samples. */
    public int size() {
        return byFingerprint.size();
    }

    /** Fingerprints whose samples were dropped to stay within the bounds. */
    public long evicted() {
        return evicted;
    }

    /** Executions whose values were not kept: too large, or of a type the probe cannot bind again. */
    public long skipped() {
        return skipped;
    }

    private static boolean contains(ArrayDeque<Kept> kept, StatementExecuted e) {
        for (Kept k : kept) {
            if (k.bindHash() == e.bindHash() && k.sample().sql().equals(e.sql())) {
                return true;
            }
        }
        return false;
    }

    private void evictBeyondBounds() {
        Iterator<Map.Entry<String, ArrayDeque<Kept>>> stalest = byFingerprint.entrySet().iterator();
        while ((byFingerprint.size() > maxFingerprints || bytes > MAX_TOTAL_BYTES) && stalest.hasNext()) {
            for (Kept k : stalest.next().getValue()) {
                bytes -= k.bytes();
            }
            stalest.remove();
            evicted++;
        }
    }

    /** Estimated heap of the values, or -1 when one is too large or of a type not kept. */
    static long sizeOf(Object[] values) {
        long total = 0;
        for (Object v : values) {
            long size = sizeOfValue(v);
            if (size < 0) {
                return -1;
            }
            total += size;
        }
        return total > MAX_SAMPLE_BYTES ? -1 : total;
    }

    private static long sizeOfValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Character || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof Double || v instanceof Float
                || v instanceof UUID || v instanceof Temporal || v instanceof java.util.Date) {
            return 32; // java.time values, and java.sql.Date, Time and Timestamp
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            return 64;
        }
        if (v instanceof String s) {
            return s.length() > MAX_VALUE_LENGTH ? -1 : 40 + 2L * s.length();
        }
        if (v instanceof byte[] b) {
            return b.length > MAX_VALUE_LENGTH ? -1 : 16 + b.length;
        }
        return -1;
    }

    /** The values, with what is mutable copied: the capture layer may reuse nothing we keep. */
    private static Object[] copy(Object[] values) {
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof byte[] b) {
                copy[i] = b.clone();
            } else if (copy[i] instanceof java.sql.Timestamp t) {
                java.sql.Timestamp c = new java.sql.Timestamp(t.getTime());
                c.setNanos(t.getNanos());
                copy[i] = c;
            } else if (copy[i] instanceof java.util.Date d) {
                copy[i] = d.clone();
            }
        }
        return copy;
    }
}
