package io.queryadvisor.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What {@code -prof gc} cannot tell apart: the bytes allocated by the benchmark's own thread (the
 * application's thread), as opposed to every thread of the JVM, which under Query Advisor
 * includes the advisor's consumer; and how many captured events were dropped. Summed over
 * measured iterations only, read on the benchmark thread at each iteration's start and end.
 */
final class IterationLedger {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long opsAtStart;
    private long bytesAtStart;
    private long droppedAtStart;
    private long ops;
    private long bytes;
    private long dropped;

    void iterationStarts(long opsSoFar, long droppedSoFar) {
        opsAtStart = opsSoFar;
        droppedAtStart = droppedSoFar;
        bytesAtStart = threads.getCurrentThreadAllocatedBytes();
    }

    void iterationEnds(long opsSoFar, long droppedSoFar, boolean measured) {
        long bytesNow = threads.getCurrentThreadAllocatedBytes();
        if (measured) {
            ops += opsSoFar - opsAtStart;
            bytes += bytesNow - bytesAtStart;
            dropped += droppedSoFar - droppedAtStart;
        }
    }

    /** One line, for README's table and for a script to pick out of JMH's output. */
    String summary(Variant variant) {
        return String.format("[ledger] variant=%s ops=%d appThreadBytesPerOp=%.1f droppedEventsPerOp=%.3f",
                variant, ops, (double) bytes / ops, (double) dropped / ops);
    }
}
