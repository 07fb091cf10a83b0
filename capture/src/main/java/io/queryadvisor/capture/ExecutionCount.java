package io.queryadvisor.capture;

/**
 * How many times one SQL text has run so far, counted for sampling: which executions get a call
 * site, which get their bind values copied. A prepared statement looks its count up once, when it
 * is prepared, and keeps it for all its executions.
 *
 * <p>The count is a plain field bumped without synchronisation: two threads running the same text
 * at the same instant may count once for two. Sampling tolerates that; a lock or a CAS on a counter
 * every thread shares would cost every execution.
 */
public final class ExecutionCount {

    final CallSiteSampler sampler;
    final String sql;
    int executions;
    // Set once, by the advisor's consumer (a paging text: see CaptureBuffer.sampleEveryExecution);
    // read when a statement is prepared and after each execution.
    volatile boolean everyExecutionSampled;

    ExecutionCount(CallSiteSampler sampler, String sql) {
        this.sampler = sampler;
        this.sql = sql;
    }

    /** Executions counted so far. */
    int peek() {
        return executions;
    }

    /** Counts one execution; returns how many there were before it. */
    int next() {
        return executions++;
    }
}
