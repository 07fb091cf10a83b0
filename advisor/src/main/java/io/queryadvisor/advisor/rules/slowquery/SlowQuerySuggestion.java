package io.queryadvisor.advisor.rules.slowquery;

import java.util.EnumSet;
import java.util.Set;

import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.stats.QueryStats;

/**
 * What to do about one slow statement, from what it is: the same boilerplate for a primary-key
 * lookup, a start-up bulk load and a report would tell a developer nothing. The statement's figures
 * say which of these it most likely is ({@link Diagnosis}), in this order:
 * <ol>
 *   <li>a one-off: anything but a query (a write, DDL, ANALYZE) run once or twice, or a bulk read;</li>
 *   <li>a large result: {@value #LARGE_RESULT_ROWS} rows or more per execution;</li>
 *   <li>a wait: a lookup of a row by its primary key, or a statement whose typical execution is fast
 *       (p50 at most a tenth of the threshold) but some are slow: its own work is small, the time is
 *       spent waiting (a lock, a saturated machine);</li>
 *   <li>an index problem: few rows per execution, slow every time;</li>
 *   <li>else the general advice: EXPLAIN it.</li>
 * </ol>
 */
final class SlowQuerySuggestion {

    static final long LARGE_RESULT_ROWS = 1_000;
    /** Statements EXPLAIN takes, on PostgreSQL and MySQL/MariaDB alike. */
    private static final Set<StatementType> EXPLAINABLE = EnumSet.of(StatementType.SELECT, StatementType.INSERT,
            StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE);
    private static final Set<StatementType> CHANGES_DATA = EnumSet.of(StatementType.INSERT, StatementType.UPDATE,
            StatementType.DELETE, StatementType.MERGE, StatementType.CALL, StatementType.DDL);

    /** What a slow statement most likely is; its label goes into the evidence. */
    enum Diagnosis {
        ONE_OFF("one-off"),
        LARGE_RESULT("large result"),
        WAITS("waits (lock or load)"),
        INDEX("reads few rows slowly (index)"),
        GENERAL("slow plan");

        final String label;

        Diagnosis(String label) {
            this.label = label;
        }
    }

    private SlowQuerySuggestion() {
    }

    static Diagnosis diagnose(QueryStats q, SlowExecutions s, double thresholdMillis) {
        long rows = rowsPerExecution(q);
        if (q.count() <= 2 && (q.type() != StatementType.SELECT || rows >= 10 * LARGE_RESULT_ROWS)) {
            return Diagnosis.ONE_OFF;
        }
        if (rows >= LARGE_RESULT_ROWS) {
            return Diagnosis.LARGE_RESULT;
        }
        if (s != null && s.keyLookup || q.count() > 2 && q.p50Millis() <= thresholdMillis / 10) {
            return Diagnosis.WAITS;
        }
        if (q.p50Millis() > thresholdMillis && q.type() != StatementType.INSERT) {
            return Diagnosis.INDEX;
        }
        return Diagnosis.GENERAL;
    }

    static Suggestion of(Diagnosis diagnosis, QueryStats q, SlowExecutions s) {
        String text = switch (diagnosis) {
            case ONE_OFF -> "It ran " + times(q.count()) + ", handling " + rows(rowsPerExecution(q)) + ": a one-off"
                    + " (a bulk load, a migration, a warm-up at start-up), slow by its size rather than by a fault."
                    + " Nothing to tune unless it runs on a request's path or holds the start up: then move it to a"
                    + " migration or a background job, and load in batches (or COPY / LOAD DATA).";
            case LARGE_RESULT -> "It handles " + rows(rowsPerExecution(q)) + " per execution: most of its time is"
                    + " producing and transferring them, which no index fixes. Read less: a LIMIT with keyset pages,"
                    + " the aggregation done in SQL, only the columns used; or stream the rows with a fetch size (see"
                    + " the unbounded-result finding, if there is one).";
            case WAITS -> "Its own work is small (" + (s != null && s.keyLookup ? "one row by its key" : "a typical"
                    + " execution takes " + Math.round(q.p50Millis() * 100) / 100.0 + " ms") + "), so the slow"
                    + " executions were waiting: for a row lock another transaction held (an UPDATE of the same rows,"
                    + " a long transaction), for a schema change's lock, or for a saturated database or machine."
                    + " When it is slow, look at pg_stat_activity (wait_event_type = 'Lock') and pg_locks, or SHOW"
                    + " ENGINE INNODB STATUS on MySQL/MariaDB; keep the transactions that write these rows short.";
            case INDEX -> "It reads only " + rows(rowsPerExecution(q)) + " per execution yet takes "
                    + Math.round(q.p50Millis()) + " ms typically: it most likely scans a table to find them. Index"
                    + " the columns its WHERE and JOIN conditions filter on; EXPLAIN with typical values in place of"
                    + " each ? shows the scan (the missing-index rule checks this on real values, with a hypothetical"
                    + " index where hypopg is installed).";
            case GENERAL -> "Run EXPLAIN (ANALYZE, BUFFERS) on this statement with typical values in place of each ?"
                    + " (on MySQL/MariaDB: EXPLAIN ANALYZE / ANALYZE) and look for sequential scans of large tables"
                    + " and row estimates far from the actual rows. Index the columns its WHERE and JOIN conditions"
                    + " filter on, and make it read fewer rows (it handles " + rows(rowsPerExecution(q)) + " per"
                    + " execution on average): a tighter condition, LIMIT with keyset paging, or aggregation in SQL.";
        };
        if (diagnosis == Diagnosis.ONE_OFF || !EXPLAINABLE.contains(q.type())) {
            return Suggestion.text(text); // nothing to explain: a bulk load, a migration, ANALYZE, DDL
        }
        String explain = "EXPLAIN (ANALYZE, BUFFERS) " + q.fingerprint() + ";";
        if (CHANGES_DATA.contains(q.type())) {
            // EXPLAIN ANALYZE executes the statement: the code itself rolls back what it wrote
            text += " EXPLAIN ANALYZE executes the statement: the code below runs it in a transaction it rolls back.";
            return Suggestion.withSql(text, "BEGIN;\n" + explain + "\nROLLBACK;");
        }
        return Suggestion.withSql(text, explain);
    }

    private static long rowsPerExecution(QueryStats q) {
        return q.count() == 0 ? 0 : Math.round((double) q.rows() / q.count());
    }

    private static String rows(long rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }

    private static String times(long count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }
}
