package io.queryadvisor.advisor.rules.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.Dialect;
import io.queryadvisor.advisor.capture.FetchSizeSet;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.stats.CaptureHealth;
import io.queryadvisor.advisor.stats.QueryStatistics;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;

/**
 * What an application does, unit of work by unit of work, for rules that judge units of work:
 * {@code script.connection(1).run(execution(ORDERS).rows(10)).loop(10, LINES).release()}.
 *
 * <p>Statements get the script's current connection, transaction and request, and start one after
 * the other on a clock the script keeps. Every event goes to the rule and to real
 * {@link QueryStatistics}, whose snapshot, taken just after the last statement (or later, see
 * {@link #later}), is the rule's context: as the advisor does it, minus the engine, which would
 * swallow a rule's exceptions and let a test pass on nothing.
 */
public final class UnitOfWorkScript {

    /** The data source every statement comes from. */
    public static final String DATA_SOURCE = "HikariPool-1";

    private final Rule rule;
    private Dialect dialect = Dialect.POSTGRESQL;
    private final QueryStatistics statistics = new QueryStatistics(100_000, 16);
    private final long baseEpochMillis = System.currentTimeMillis();
    private long clockNanos = 1_000_000;
    private long connectionId = 1;
    private long transactionId;
    private long threadId = 1;
    private RequestInfo request;
    private long nextBinds = 1;

    public UnitOfWorkScript(Rule rule) {
        this.rule = rule;
    }

    /** One execution, with different binds from every other unless {@link Execution#binds} says. */
    public static Execution execution(Fingerprint fingerprint) {
        return new Execution(fingerprint);
    }

    /** The database behind the data source is of {@code dialect} (PostgreSQL unless told). */
    public UnitOfWorkScript database(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /** Later statements run on connection {@code id}, in auto-commit. */
    public UnitOfWorkScript connection(long id) {
        this.connectionId = id;
        this.transactionId = 0;
        return this;
    }

    /** Later statements run on application thread {@code id} (1 unless told). */
    public UnitOfWorkScript thread(long id) {
        this.threadId = id;
        return this;
    }

    /** Later statements run in transaction {@code id} of the current connection (0: auto-commit). */
    public UnitOfWorkScript transaction(long id) {
        this.transactionId = id;
        return this;
    }

    /** Later statements run inside request {@code id}, until {@link #complete}. */
    public UnitOfWorkScript request(long id, String endpoint) {
        this.request = new RequestInfo(id, endpoint);
        return this;
    }

    public UnitOfWorkScript run(Execution... executions) {
        for (Execution e : executions) {
            run(e);
        }
        return this;
    }

    /** {@code times} executions of {@code fingerprint} from {@code site}, each with other binds. */
    public UnitOfWorkScript loop(int times, Fingerprint fingerprint, CallSite site) {
        for (int i = 0; i < times; i++) {
            run(execution(fingerprint).from(site));
        }
        return this;
    }

    /**
     * The application sets a fetch size on the statement of {@code fingerprint} (prepared with its text)
     * on the current connection; a {@code null} fingerprint stands for a plain statement.
     */
    public UnitOfWorkScript fetchSize(Fingerprint fingerprint, int rows) {
        rule.onEvent(new FetchSizeSet(connectionId, fingerprint == null ? null : fingerprint.text(), rows, clockNanos));
        return this;
    }

    /** The current connection goes back to the pool. */
    public UnitOfWorkScript release() {
        rule.onEvent(new ConnectionReleased(connectionId, 0, clockNanos, 0, 0));
        return this;
    }

    /** The current request ends. */
    public UnitOfWorkScript complete() {
        rule.onEvent(new RequestCompleted(request, 0, clockNanos));
        request = null;
        return this;
    }

    /** Time passes with nothing run. */
    public UnitOfWorkScript later(Duration duration) {
        clockNanos += duration.toNanos();
        return this;
    }

    /** The start time the next statement gets. */
    public long nowNanos() {
        return clockNanos;
    }

    public RuleContext context() {
        CaptureHealth health = new CaptureHealth(statistics.observed(), 0, statistics.size(), statistics.evicted(),
                0, 0, 0, 0, List.of(), Map.of());
        return new RuleContext(new WorkloadSnapshot(epochMillis(clockNanos), statistics.snapshot(), health),
                Map.of(DATA_SOURCE, dialect));
    }

    /** The findings now, after the advisor's clock has ticked, as it does about once a second. */
    public List<Recommendation> recommendations() {
        rule.onEvent(new Tick(clockNanos, epochMillis(clockNanos)));
        return rule.recommend(context());
    }

    /** The one finding there must be. */
    public Recommendation only() {
        List<Recommendation> found = recommendations();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one recommendation, got " + found);
        }
        return found.get(0);
    }

    private void run(Execution e) {
        long start = e.startNanos != null ? e.startNanos : clockNanos;
        long duration = Math.round(e.millis * 1_000_000);
        clockNanos = Math.max(clockNanos, start + duration) + 1_000;
        long binds = e.binds != null ? e.binds : nextBinds++;
        int bindCount = e.inlined ? 0 : 1;
        StatementExecuted event = new StatementExecuted(e.sql == null ? e.fingerprint.text() : e.sql, e.kind(),
                e.batchSize, bindCount, bindCount == 0 ? 0 : binds * 0x9E3779B97F4A7C15L, start, duration, e.rows,
                null, connectionId, transactionId, threadId, "http-nio-8080-exec-" + threadId, e.callSite, 0, List.of(), request, DATA_SOURCE, e.values);
        ObservedStatement statement = new ObservedStatement(event, e.fingerprint, epochMillis(start));
        statistics.onEvent(statement);
        rule.onEvent(statement);
    }

    private long epochMillis(long nanos) {
        return baseEpochMillis + nanos / 1_000_000;
    }

    /** One execution to run: {@code execution(LINES).binds(42).rows(3).from(site)}. */
    public static final class Execution {

        private final Fingerprint fingerprint;
        private String sql;
        private boolean inlined;
        private Long binds;
        private long rows = 1;
        private double millis = 1;
        private int batchSize = 1;
        private boolean batch;
        private CallSite callSite = ObservedStatementBuilder.callSite("com.shop.OrderDao", "find", 42);
        private Long startNanos;
        private Object[] values;

        private Execution(Fingerprint fingerprint) {
            this.fingerprint = fingerprint;
        }

        /** Runs with these bind values (equal numbers, equal values). */
        public Execution binds(long values) {
            this.binds = values;
            return this;
        }

        /** Its bound values were sampled, as the capture copies them (index 0 = parameter 1). */
        public Execution values(Object... values) {
            this.values = values.clone();
            return this;
        }

        /** Runs as a plain statement with its values inlined in {@code sql}: no binds. */
        public Execution inlined(String sql) {
            this.sql = sql;
            this.inlined = true;
            return this;
        }

        /** Runs as {@code sql} prepared with binds (by default the fingerprint's text). */
        public Execution prepared(String sql) {
            this.sql = sql;
            return this;
        }

        public Execution rows(long rows) {
            this.rows = rows;
            return this;
        }

        public Execution millis(double millis) {
            this.millis = millis;
            return this;
        }

        /** Runs as {@code executeBatch} of {@code statements}. */
        public Execution batch(int statements) {
            this.batch = true;
            this.batchSize = statements;
            return this;
        }

        /** Where it ran from; {@code null} when its call site was not sampled. */
        public Execution from(CallSite site) {
            this.callSite = site;
            return this;
        }

        /** Started at {@code nanos} rather than after the previous statement (its event comes late). */
        public Execution startedAt(long nanos) {
            this.startNanos = nanos;
            return this;
        }

        private StatementKind kind() {
            if (batch) {
                return StatementKind.BATCH;
            }
            return fingerprint.type() == StatementType.SELECT ? StatementKind.QUERY : StatementKind.UPDATE;
        }
    }
}
