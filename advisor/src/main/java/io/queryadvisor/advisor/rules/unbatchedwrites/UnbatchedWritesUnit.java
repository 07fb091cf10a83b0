package io.queryadvisor.advisor.rules.unbatchedwrites;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.support.UnitOfWork;

/**
 * The runs of row-by-row writes of one open unit of work: executions of the same INSERT, UPDATE,
 * DELETE or MERGE one right after the other, each a single execution (not {@code executeBatch}) of
 * at most one row. Anything else in between ends the run: a query, another statement (writes to
 * different tables interleaved, each needing the key the one before generated, cannot simply be
 * batched), a batch, a write of several rows, a failure.
 *
 * <p>Bounded: one run open at a time; of the runs that end, only those at least {@code threshold}
 * long are kept, at most {@value #MAX_RUNS} per unit (more are counted).
 */
final class UnbatchedWritesUnit implements UnitOfWork {

    static final int MAX_RUNS = 16;

    private static final Set<StatementType> WRITES = EnumSet.of(StatementType.INSERT, StatementType.UPDATE,
            StatementType.DELETE, StatementType.MERGE);

    private final int threshold;
    private final List<WriteRun> runs = new ArrayList<>(1);
    private WriteRun current;
    private long runsNotKept;

    UnbatchedWritesUnit(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public void record(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        if (!rowByRowWrite(fp, e)) {
            endRun();
            return;
        }
        if (current == null || !current.fingerprint().id().equals(fp.id())) {
            endRun();
            current = new WriteRun(fp, e);
        }
        current.record(e);
    }

    /** The runs at least {@code threshold} long, the one still open included. */
    List<WriteRun> runs() {
        endRun();
        return runs;
    }

    /** Runs long enough that found the unit's list full. */
    long runsNotKept() {
        return runsNotKept;
    }

    private static boolean rowByRowWrite(Fingerprint fp, StatementExecuted e) {
        return WRITES.contains(fp.type()) && e.kind() != StatementKind.BATCH && e.batchSize() <= 1
                && e.rowsRead() <= 1 && !e.failed();
    }

    private void endRun() {
        if (current != null && current.statements() >= threshold) {
            if (runs.size() < MAX_RUNS) {
                runs.add(current);
            } else {
                runsNotKept++;
            }
        }
        current = null;
    }
}
