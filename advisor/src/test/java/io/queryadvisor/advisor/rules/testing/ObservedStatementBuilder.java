package io.queryadvisor.advisor.rules.testing;

import java.util.List;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.SqlFacts;
import io.queryadvisor.advisor.fingerprint.StatementType;

/**
 * Hand-made statements for rule tests: {@code execution(ORDERS).millis(250).rows(3).build()}.
 * Fingerprints are made by hand too ({@link #fingerprint}, {@link #starred}), so rule tests do not
 * depend on the fingerprinter.
 */
public final class ObservedStatementBuilder {

    /** 2025-01-31T10:15:30Z: a fixed wall-clock time, so log lines are predictable. */
    public static final long EPOCH_MILLIS = 1_738_318_530_000L;

    private final Fingerprint fingerprint;
    private String sql;
    private double millis = 1;
    private long rows = 1;
    private CallSite callSite = new CallSite("com.shop.OrderDao", "find", "OrderDao.java", 42);
    private List<String> columnsByName = List.of();
    private long columnsByIndex;
    private String threadName = "http-nio-8080-exec-1";
    private long connectionId = 1;
    private long epochMillis = EPOCH_MILLIS;
    private String error;
    private RequestInfo request;

    private ObservedStatementBuilder(Fingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.sql = fingerprint.text();
    }

    public static ObservedStatementBuilder execution(Fingerprint fingerprint) {
        return new ObservedStatementBuilder(fingerprint);
    }

    /** A fingerprint with no star, typed by its first word. */
    public static Fingerprint fingerprint(String text) {
        return new Fingerprint(idOf(text), text, typeOf(text), true, SqlFacts.NONE);
    }

    /** A fingerprint with no star, typed by its first word, on the given tables. */
    public static Fingerprint onTables(String text, String... tables) {
        return new Fingerprint(idOf(text), text, typeOf(text), true,
                new SqlFacts(false, List.of(), List.of(tables), 0, false, false));
    }

    /** A fingerprint whose facts report the given stars on the given tables. */
    public static Fingerprint starred(String text, List<String> starTargets, List<String> tables) {
        return new Fingerprint(idOf(text), text, typeOf(text), true,
                new SqlFacts(!starTargets.isEmpty(), starTargets, tables, 0, false, false));
    }

    public static CallSite callSite(String className, String method, int line) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return new CallSite(className, method, simpleName + ".java", line);
    }

    /** The SQL as the application ran it (literals and all); defaults to the fingerprint's text. */
    public ObservedStatementBuilder sql(String sql) {
        this.sql = sql;
        return this;
    }

    public ObservedStatementBuilder millis(double millis) {
        this.millis = millis;
        return this;
    }

    public ObservedStatementBuilder rows(long rows) {
        this.rows = rows;
        return this;
    }

    /** Where it ran from; {@code null} for an execution whose call site was not sampled. */
    public ObservedStatementBuilder from(CallSite callSite) {
        this.callSite = callSite;
        return this;
    }

    public ObservedStatementBuilder readColumns(String... labels) {
        this.columnsByName = List.of(labels);
        return this;
    }

    public ObservedStatementBuilder readPositions(int... positions) {
        for (int p : positions) {
            columnsByIndex |= 1L << p;
        }
        return this;
    }

    public ObservedStatementBuilder thread(String threadName) {
        this.threadName = threadName;
        return this;
    }

    public ObservedStatementBuilder connection(long connectionId) {
        this.connectionId = connectionId;
        return this;
    }

    public ObservedStatementBuilder at(long epochMillis) {
        this.epochMillis = epochMillis;
        return this;
    }

    /** Runs inside request {@code id} to {@code endpoint} (outside any request unless told). */
    public ObservedStatementBuilder inRequest(long id, String endpoint) {
        this.request = new RequestInfo(id, endpoint);
        return this;
    }

    public ObservedStatementBuilder failed(String exceptionClass) {
        this.error = exceptionClass;
        return this;
    }

    public ObservedStatement build() {
        StatementKind kind = fingerprint.type() == StatementType.SELECT ? StatementKind.QUERY : StatementKind.UPDATE;
        StatementExecuted event = new StatementExecuted(sql, kind, 1, 1, 0, 0, Math.round(millis * 1_000_000),
                rows, error, connectionId, 0, 1, threadName, callSite, columnsByIndex, columnsByName, request, UnitOfWorkScript.DATA_SOURCE, null);
        return new ObservedStatement(event, fingerprint, epochMillis);
    }

    private static String idOf(String text) {
        return String.format("%016x", (long) text.hashCode() * 0x9E3779B97F4A7C15L);
    }

    private static StatementType typeOf(String text) {
        String first = text.strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
        try {
            return StatementType.valueOf(first);
        } catch (IllegalArgumentException e) {
            return first.equals("WITH") ? StatementType.SELECT : StatementType.OTHER;
        }
    }
}
