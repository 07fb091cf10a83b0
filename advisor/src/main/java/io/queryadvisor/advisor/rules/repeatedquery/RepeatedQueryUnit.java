package io.queryadvisor.advisor.rules.repeatedquery;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.support.UnitOfWork;
import io.queryadvisor.advisor.rules.support.UnitStateBudget;

/**
 * The reads of one open unit of work, by fingerprint, and the writes between them.
 *
 * <p>A write makes the next execution of every query reading one of its tables a miss. The tables
 * come from the fingerprints' facts: an INSERT ... SELECT counts as writing the tables it reads too,
 * and a write whose tables are not known (a procedure call, a statement the parser could not read,
 * more tables than are followed) counts as writing every table: a missed finding, never a false one.
 *
 * <p>Only single SELECTs that succeeded are followed (a batch is one round trip already, a failed
 * statement run again is a retry), and not those that draw from a sequence (each answers anew). Bounded: at most {@code maxFingerprints} queries and
 * {@value #MAX_TABLES} written tables per unit, and each query followed takes a place of a
 * {@link UnitStateBudget} shared by every open unit; executions beyond are counted there.
 */
final class RepeatedQueryUnit implements UnitOfWork {

    static final int MAX_TABLES = 64;

    private static final Set<StatementType> WRITES_TABLES = EnumSet.of(StatementType.INSERT, StatementType.UPDATE,
            StatementType.DELETE, StatementType.MERGE, StatementType.DDL);
    /** Statements that may write anything: a procedure, or what the fingerprinter could not classify. */
    private static final Set<StatementType> MAY_WRITE_ANYTHING = EnumSet.of(StatementType.CALL, StatementType.OTHER);

    private final int maxFingerprints;
    private final UnitStateBudget budget;
    private final Map<String, RepeatedReads> byFingerprint = new HashMap<>();
    /** The write (counted from 1) that last wrote each table. */
    private final Map<String, Long> lastWriteOf = new HashMap<>();
    private long writes;
    private long lastWriteOfAnything;

    RepeatedQueryUnit(int maxFingerprints, UnitStateBudget budget) {
        this.maxFingerprints = maxFingerprints;
        this.budget = budget;
    }

    @Override
    public void record(ObservedStatement statement) {
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        if (WRITES_TABLES.contains(fp.type()) || MAY_WRITE_ANYTHING.contains(fp.type())) {
            wrote(fp);
            return;
        }
        if (fp.type() != StatementType.SELECT || e.kind() == StatementKind.BATCH || e.batchSize() > 1 || e.failed()
                || fp.drawsFromSequence()) {
            return;
        }
        RepeatedReads reads = byFingerprint.get(fp.id());
        if (reads == null) {
            if (byFingerprint.size() >= maxFingerprints) {
                budget.leftOut();
                return;
            }
            if (!budget.take()) {
                return;
            }
            reads = new RepeatedReads(fp);
            byFingerprint.put(fp.id(), reads);
        }
        reads.record(e, writtenSince(fp, reads.writesSeen()), writes);
    }

    Collection<RepeatedReads> reads() {
        return byFingerprint.values();
    }

    /** Gives this unit's places back to the budget, once it has been judged. */
    void release() {
        budget.giveBack(byFingerprint.size());
        byFingerprint.clear();
    }

    private void wrote(Fingerprint fp) {
        writes++;
        List<String> tables = fp.facts().tables();
        if (MAY_WRITE_ANYTHING.contains(fp.type()) || tables.isEmpty()) {
            lastWriteOfAnything = writes;
            return;
        }
        for (String table : tables) {
            if (lastWriteOf.size() >= MAX_TABLES && !lastWriteOf.containsKey(table)) {
                lastWriteOfAnything = writes;
            } else {
                lastWriteOf.put(table, writes);
            }
        }
    }

    /** Whether a table {@code fp} reads was written after the unit's write number {@code since}. */
    private boolean writtenSince(Fingerprint fp, long since) {
        if (lastWriteOfAnything > since) {
            return true;
        }
        List<String> tables = fp.facts().tables();
        if (tables.isEmpty()) {
            return writes > since; // what it reads is not known: any write may have changed it
        }
        for (String table : tables) {
            Long written = lastWriteOf.get(table);
            if (written != null && written > since) {
                return true;
            }
        }
        return false;
    }
}
