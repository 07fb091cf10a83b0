package io.queryadvisor.advisor.rules.repeatedquery;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.support.ExecutionValues;

/**
 * The executions of one fingerprint within one unit of work, and whether a cache could have served
 * them: all with the same values, and how many of them followed a write to the tables they read
 * (a cache would have had to read those again).
 *
 * <p>A run is the executions between two such writes; the first of each run is a miss, the others
 * are hits. Of the values only the first execution's are kept, and whether any other differed.
 */
final class RepeatedReads {

    private final Fingerprint fingerprint;
    private long values;
    private boolean valuesDiffer;
    private int executions;
    private int runs;
    private int run;
    private int longestRun;
    private long hitNanos;
    private long writesSeen;
    private CallSite callSite;
    private String dataSource;
    private boolean bound;

    RepeatedReads(Fingerprint fingerprint) {
        this.fingerprint = fingerprint;
    }

    /**
     * One more execution.
     *
     * @param e          the execution
     * @param writtenSince whether the unit wrote to a table it reads since its previous execution
     * @param writes     the unit's writes so far, to tell the next time
     */
    void record(StatementExecuted e, boolean writtenSince, long writes) {
        long v = ExecutionValues.hash(e);
        if (executions == 0) {
            values = v;
            dataSource = e.source();
            bound = e.bindCount() > 0;
        } else if (v != values) {
            valuesDiffer = true;
        }
        if (executions == 0 || writtenSince) {
            runs++;
            run = 1;
        } else {
            run++;
            hitNanos += Math.max(0, e.durationNanos());
        }
        longestRun = Math.max(longestRun, run);
        executions++;
        writesSeen = writes;
        if (callSite == null) {
            callSite = e.callSite();
        }
    }

    /** Whether a cache would have served at least {@code threshold - 1} executions in a row: a repeat. */
    boolean repeats(int threshold) {
        return !valuesDiffer && longestRun >= threshold;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The unit's writes when it last ran: a write after that makes its next execution a miss. */
    long writesSeen() {
        return writesSeen;
    }

    int executions() {
        return executions;
    }

    /** Executions a cache (emptied at each write to the tables read) would have served. */
    int hits() {
        return executions - runs;
    }

    /** Whether the unit wrote to the tables read between two executions. */
    boolean writtenBetween() {
        return runs > 1;
    }

    long hitNanos() {
        return hitNanos;
    }

    /** The first sampled call site, or {@code null}: the executions of one unit nearly always share it. */
    CallSite callSite() {
        return callSite;
    }

    String dataSource() {
        return dataSource;
    }

    /** Whether it runs with bind values (else it takes none: the same result for everyone). */
    boolean bound() {
        return bound;
    }
}
