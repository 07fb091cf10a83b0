package io.queryadvisor.advisor.rules.writethenupdate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.support.UnitOfWork;

/**
 * The rows of one open unit of work inserted into each table and not yet updated, and the UPDATEs
 * that set their key right after: the pairs of one INSERT and one UPDATE of the same table that sets
 * one key-like column ({@code ..._id}, {@code fk_...}, {@code ..._fk}) {@code WHERE} one other column
 * {@code = ?}.
 *
 * <p>Hibernate flushes all INSERTs first, then the UPDATEs of the association, so the UPDATE of a row
 * is not the very next statement: an UPDATE pairs with the rows inserted into its table as long as
 * it comes at most {@code maxDistance} statements after the last INSERT into that table or the last
 * such UPDATE. Later, the rows inserted count no more (an UPDATE long after is another matter).
 * A batch counts as its statements on both sides.
 *
 * <p>Bounded: at most {@value #MAX_TABLES} tables and {@value #MAX_SHAPES} UPDATE shapes per unit;
 * more are left out, and counted.
 */
final class InsertThenUpdateUnit implements UnitOfWork {

    static final int MAX_TABLES = 16;
    static final int MAX_SHAPES = 16;

    private final int maxDistance;
    /** In insertion order, so that the eldest table is the one dropped. */
    private final Map<String, Inserted> insertedByTable = new LinkedHashMap<>();
    private final Map<String, KeyUpdates> updatesByShape = new HashMap<>();
    private long statements;
    private long leftOut;

    InsertThenUpdateUnit(int maxDistance) {
        this.maxDistance = maxDistance;
    }

    @Override
    public void record(ObservedStatement statement) {
        statements++;
        StatementExecuted e = statement.event();
        Fingerprint fp = statement.fingerprint();
        List<String> tables = fp.facts().tables();
        if (e.failed() || tables.isEmpty()) {
            return;
        }
        if (fp.type() == StatementType.INSERT) {
            inserted(fp, tables.get(0), e);
        } else if (fp.type() == StatementType.UPDATE && setsOneKey(fp.facts())) {
            updated(fp, tables.get(0), e);
        }
    }

    Collection<KeyUpdates> keyUpdates() {
        return updatesByShape.values();
    }

    /** Tables or UPDATE shapes left out to stay bounded. */
    long leftOut() {
        return leftOut;
    }

    /** {@code UPDATE child SET parent_id = ? WHERE id = ?}: one key-like column set, by one other column. */
    static boolean setsOneKey(SqlFacts facts) {
        if (facts.setColumns().size() != 1 || facts.whereEqualsColumns().size() != 1) {
            return false;
        }
        String set = facts.setColumns().get(0);
        return !set.equals(facts.whereEqualsColumns().get(0)) && looksLikeKey(set);
    }

    /**
     * {@code order_id}, {@code fk_order}, {@code order_fk}: the names JPA's default naming and common
     * conventions give a foreign key. Not any name that ends with "id" ({@code paid}, {@code valid}):
     * a key named {@code orderid} is missed rather than a flag taken for one.
     */
    private static boolean looksLikeKey(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.endsWith("_id") || c.startsWith("fk_") || c.endsWith("_fk");
    }

    private void inserted(Fingerprint fp, String table, StatementExecuted e) {
        Inserted inserted = insertedByTable.get(table);
        if (inserted == null) {
            if (insertedByTable.size() >= MAX_TABLES) {
                var eldest = insertedByTable.keySet().iterator();
                eldest.next();
                eldest.remove();
                leftOut++;
            }
            inserted = new Inserted();
            insertedByTable.put(table, inserted);
        }
        if (statements - inserted.lastStatement > maxDistance) {
            inserted.pending = 0;
        }
        inserted.insert = fp;
        inserted.site = e.callSite() != null ? e.callSite() : inserted.site;
        inserted.pending += rows(e);
        inserted.lastStatement = statements;
    }

    private void updated(Fingerprint fp, String table, StatementExecuted e) {
        Inserted inserted = insertedByTable.get(table);
        if (inserted == null || inserted.pending == 0 || statements - inserted.lastStatement > maxDistance) {
            return;
        }
        long pairs = Math.min(inserted.pending, e.kind() == StatementKind.BATCH ? Math.max(1, e.batchSize()) : 1);
        KeyUpdates updates = updatesByShape.get(fp.id());
        if (updates == null) {
            if (updatesByShape.size() >= MAX_SHAPES) {
                leftOut++;
                return;
            }
            updates = new KeyUpdates(fp, inserted.insert, inserted.site);
            updatesByShape.put(fp.id(), updates);
        }
        updates.record(e, pairs);
        inserted.pending -= pairs;
        inserted.lastStatement = statements;
    }

    /** Rows an INSERT wrote: a batch's statements, else its update count (at least one). */
    private static long rows(StatementExecuted e) {
        if (e.kind() == StatementKind.BATCH) {
            return Math.max(1, e.batchSize());
        }
        return Math.max(1, e.rowsRead());
    }

    /** Rows inserted into one table and not yet paired with an UPDATE. */
    private static final class Inserted {
        Fingerprint insert;
        CallSite site;
        long pending;
        long lastStatement;
    }
}
