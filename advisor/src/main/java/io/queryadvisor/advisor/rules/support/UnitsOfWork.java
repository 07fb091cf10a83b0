package io.queryadvisor.advisor.rules.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.rules.RuleSettings;

/**
 * The open units of work and when each ends, from the capture events alone.
 *
 * <p>A statement belongs to its request if it has one, else to its transaction, else to its
 * connection checkout ({@link UnitOfWorkKey#of}). A request ends with its {@code RequestCompleted};
 * a transaction when its connection is released or a statement of another transaction (or in
 * auto-commit) runs on that connection; a checkout when its connection is released. The unit's
 * state then goes to the {@code ended} callback, which judges it, with what is known of the unit
 * ({@link EndedUnit}: which it was, and the endpoint of its request).
 *
 * <p>Series of checkouts: code with no request and no transaction around it (a plain JDBC DAO, a
 * {@code JdbcTemplate} in a batch job or a scheduler) checks out a connection per statement, so a
 * loop over rows is as many checkouts, each too short to show the loop. When {@code threadGapNanos}
 * is set, a released checkout that could be one step of such a loop (at most
 * {@value OpenUnit#MAX_STEP_STATEMENTS} statements, no statement shape twice: a checkout that
 * repeats one holds loops of its own, and is judged at once as before) waits that long for the next
 * checkout of its thread (another connection, in auto-commit, outside any request); that checkout
 * continues the same unit, now a series ({@link UnitOfWorkKey.Scope#THREAD}). The series ends when
 * its thread leaves a longer gap after a release: judged at the thread's next checkout, at another
 * statement finding it the least recently active, or at the next {@link Tick}.
 *
 * <p>Bounded whatever the workload, since end events can be lost (a dropped event, a connection
 * leaked and never closed, a request thread killed):
 * <ul>
 *   <li>a unit is ended early, and judged as it stands, once it has run {@code maxStatementsPerUnit}
 *       statements or is older than {@code maxAgeMillis}: a connection a message listener holds for
 *       the life of the application is thus judged a slice at a time. Age is checked when the unit's
 *       next statement arrives, on the least recently active unit at every statement, and by
 *       {@link #endStartedBefore} (at every {@link Tick}), so an idle unit is judged too;</li>
 *   <li>at most {@code maxOpenUnits} are open (series waiting for their next checkout included): a
 *       new one ends the least recently active, which is judged as it stands and counted as evicted.</li>
 * </ul>
 * Ending a live unit early can split one loop in two halves that each look too short: a missed
 * finding, never a false one, and only for units far larger or longer than a request.
 *
 * <p>Not thread-safe: rules are serialised by the {@link RuleEngine}.
 *
 * @param <U> what the rule keeps per unit
 */
public final class UnitsOfWork<U extends UnitOfWork> {

    /**
     * @param maxOpenUnits         units open at once at most
     * @param maxStatementsPerUnit statements after which a unit is judged and a new one begins
     * @param maxAgeMillis         age (from its first statement) after which a unit is judged and a new one begins
     * @param threadGapNanos       longest pause between a checkout's release and its thread's next checkout
     *                             for both to be one series; 0 for no series
     */
    public record Limits(int maxOpenUnits, int maxStatementsPerUnit, long maxAgeMillis, long threadGapNanos) {

        /** Limits without series of checkouts. */
        public Limits(int maxOpenUnits, int maxStatementsPerUnit, long maxAgeMillis) {
            this(maxOpenUnits, maxStatementsPerUnit, maxAgeMillis, 0);
        }

        /**
         * The limits a rule's settings give: {@code maxOpenUnits} (default 10000),
         * {@code maxStatementsPerUnit} (default 1000), {@code maxUnitAge} (default 60s) and
         * {@code threadGap} (default 50ms, 0 for no series).
         */
        public static Limits configured(String ruleId, RuleSettings settings) {
            Duration maxUnitAge = settings.duration("maxUnitAge", Duration.ofSeconds(60));
            if (maxUnitAge.toMillis() < 1) {
                settings.reject(new ConfigurationException("queryadvisor.rules." + ruleId + ".maxUnitAge: expected a"
                        + " positive duration such as 60s, got " + maxUnitAge.toMillis() + "ms"));
                maxUnitAge = Duration.ofSeconds(60);
            }
            Duration threadGap = settings.duration("threadGap", Duration.ofMillis(50));
            if (threadGap.isNegative() || threadGap.compareTo(maxUnitAge) > 0) {
                settings.reject(new ConfigurationException("queryadvisor.rules." + ruleId + ".threadGap: expected a"
                        + " duration from 0 (no series of checkouts) to maxUnitAge (" + maxUnitAge.toMillis()
                        + "ms), got " + threadGap.toMillis() + "ms"));
                threadGap = Duration.ZERO;
            }
            return new Limits(settings.integer("maxOpenUnits", 10_000, 1, 1_000_000),
                    settings.integer("maxStatementsPerUnit", 1_000, 2, 1_000_000), maxUnitAge.toMillis(),
                    threadGap.toNanos());
        }
    }

    private final Limits limits;
    private final Function<UnitOfWorkKey, U> start;
    private final BiConsumer<U, EndedUnit> ended;
    /** In access order: the first entry is the least recently active unit. Series waiting are keyed by thread. */
    private final LinkedHashMap<UnitOfWorkKey, OpenUnit<U>> open = new LinkedHashMap<>(64, 0.75f, true);
    /** The transaction open on each connection: a statement of another one ends it. */
    private final Map<Long, Long> transactionOnConnection = new HashMap<>();
    private long evicted;
    private long endedEarly;

    /**
     * @param start makes the state of a new unit
     * @param ended receives the state of each unit that ended (and is then forgotten), and what is known of it
     */
    public UnitsOfWork(Limits limits, Function<UnitOfWorkKey, U> start, BiConsumer<U, EndedUnit> ended) {
        this.limits = limits;
        this.start = start;
        this.ended = ended;
    }

    /** Units whose {@code ended} callback needs only their state. */
    public UnitsOfWork(Limits limits, Function<UnitOfWorkKey, U> start, Consumer<U> ended) {
        this(limits, start, (state, unit) -> ended.accept(state));
    }

    /** Follows the events that start and end units: statements, releases, completed requests, ticks. */
    public void onEvent(CaptureEvent event) {
        if (event instanceof ObservedStatement statement) {
            statement(statement);
        } else if (event instanceof ConnectionReleased released) {
            connectionReleased(released);
        } else if (event instanceof RequestCompleted request) {
            requestCompleted(request.request().id());
        } else if (event instanceof Tick tick) {
            tick(tick);
        }
    }

    /** Records {@code s} in its unit, first ending the units it shows are over. */
    public void statement(ObservedStatement s) {
        StatementExecuted e = s.event();
        long now = s.epochMillis();
        if (e.request() == null) {
            endTransactionLeftBy(e);
        }
        endLeastRecentlyActiveIfOver(now, e.startNanos());
        UnitOfWorkKey key = UnitOfWorkKey.of(e);
        OpenUnit<U> unit = open.get(key);
        if (unit != null && unit.startedMillis < now - limits.maxAgeMillis()) {
            endEarly(key);
            unit = null;
        }
        if (unit == null) {
            unit = continueSeries(key, e, now);
        }
        if (unit == null) {
            unit = open(key, now, e);
        }
        if (unit.endpoint == null && e.request() != null) {
            unit.endpoint = e.request().endpoint();
        }
        unit.state.record(s);
        unit.step(s.fingerprint().id());
        if (++unit.statements >= limits.maxStatementsPerUnit()) {
            endEarly(key);
        }
    }

    /** The checkout ends, unless it may be one step of a series (see the class comment). */
    public void connectionReleased(ConnectionReleased released) {
        long connectionId = released.connectionId();
        UnitOfWorkKey key = UnitOfWorkKey.connection(connectionId);
        OpenUnit<U> checkout = open.get(key);
        if (checkout != null && limits.threadGapNanos() > 0 && checkout.mayBeStep()) {
            awaitNextCheckout(key, checkout, released.startNanos() + released.heldNanos());
        } else {
            end(key);
        }
        endTransactionOn(connectionId);
    }

    /** The checkout ends, with no series (its release time is not known). */
    public void connectionReleased(long connectionId) {
        end(UnitOfWorkKey.connection(connectionId));
        endTransactionOn(connectionId);
    }

    public void requestCompleted(long requestId) {
        end(UnitOfWorkKey.request(requestId));
    }

    /** Ends the units older than the limit, and the series whose thread has paused too long. */
    public void tick(Tick tick) {
        endStartedBefore(tick.epochMillis() - limits.maxAgeMillis());
        List<UnitOfWorkKey> over = new ArrayList<>();
        open.forEach((key, unit) -> {
            if (unit.pausedTooLong(tick.startNanos(), limits.threadGapNanos())) {
                over.add(key);
            }
        });
        over.forEach(this::end);
    }

    /** Ends every unit whose first statement ran before {@code epochMillis}. */
    public void endStartedBefore(long epochMillis) {
        List<UnitOfWorkKey> old = new ArrayList<>();
        open.forEach((key, unit) -> {
            if (unit.startedMillis < epochMillis) {
                old.add(key);
            }
        });
        old.forEach(this::endEarly);
    }

    /** Units open now (series waiting for their next checkout included). */
    public int openUnits() {
        return open.size();
    }

    /** Units ended to make room for new ones. */
    public long evicted() {
        return evicted;
    }

    /** Units judged before their end because they grew too large or too old. */
    public long endedEarly() {
        return endedEarly;
    }

    /** Adds what the bounds left out to a rule's counters: {@code unitsEvicted} and {@code unitsEndedEarly}. */
    public void addCounters(Map<String, Long> counters) {
        counters.put("unitsEvicted", evicted);
        counters.put("unitsEndedEarly", endedEarly);
    }

    private void endTransactionLeftBy(StatementExecuted e) {
        if (transactionOnConnection.isEmpty()) {
            return; // the usual case outside transactions: no boxed key made for every statement
        }
        Long transaction = transactionOnConnection.get(e.connectionId());
        if (transaction != null && transaction != e.transactionId()) {
            end(UnitOfWorkKey.transaction(e.connectionId(), transaction));
        }
    }

    private void endTransactionOn(long connectionId) {
        if (transactionOnConnection.isEmpty()) {
            return;
        }
        Long transaction = transactionOnConnection.get(connectionId);
        if (transaction != null) {
            end(UnitOfWorkKey.transaction(connectionId, transaction));
        }
    }

    private void endLeastRecentlyActiveIfOver(long nowMillis, long nowNanos) {
        if (!open.isEmpty()) {
            Map.Entry<UnitOfWorkKey, OpenUnit<U>> stalest = open.entrySet().iterator().next();
            OpenUnit<U> unit = stalest.getValue();
            if (unit.startedMillis < nowMillis - limits.maxAgeMillis()) {
                endEarly(stalest.getKey());
            } else if (unit.pausedTooLong(nowNanos, limits.threadGapNanos())) {
                end(stalest.getKey());
            }
        }
    }

    /** A released checkout waits, keyed by its thread, for the thread's next checkout. */
    private void awaitNextCheckout(UnitOfWorkKey key, OpenUnit<U> checkout, long releasedNanos) {
        open.remove(key);
        UnitOfWorkKey series = UnitOfWorkKey.thread(checkout.threadId);
        end(series); // a checkout released while another of its thread waited (nested): that one is over
        checkout.releasedNanos = releasedNanos;
        open.put(series, checkout);
    }

    /**
     * The series waiting on the thread of {@code e}, continued by this new checkout if it is one
     * (another connection, in auto-commit, outside any request) and soon enough; else ended when
     * its pause is over. Returns the continued unit, or {@code null}.
     */
    private OpenUnit<U> continueSeries(UnitOfWorkKey key, StatementExecuted e, long nowMillis) {
        if (key.scope() != UnitOfWorkKey.Scope.CONNECTION || limits.threadGapNanos() <= 0) {
            return null;
        }
        UnitOfWorkKey seriesKey = UnitOfWorkKey.thread(e.threadId());
        OpenUnit<U> series = open.get(seriesKey);
        if (series == null) {
            return null;
        }
        // A late event (a result read while later checkouts ran) starts before the release: no pause at all.
        boolean soonEnough = e.startNanos() - series.releasedNanos <= limits.threadGapNanos();
        if (!soonEnough || series.connectionId == e.connectionId()) {
            end(seriesKey);
            return null;
        }
        if (series.startedMillis < nowMillis - limits.maxAgeMillis()) {
            endEarly(seriesKey);
            return null;
        }
        open.remove(seriesKey);
        series.key = seriesKey;
        series.nextCheckout(e.connectionId());
        open.put(key, series);
        return series;
    }

    private OpenUnit<U> open(UnitOfWorkKey key, long now, StatementExecuted first) {
        if (open.size() >= limits.maxOpenUnits()) {
            end(open.keySet().iterator().next());
            evicted++;
        }
        OpenUnit<U> unit = new OpenUnit<>(key, start.apply(key), now, first.threadId(), first.connectionId());
        if (key.scope() == UnitOfWorkKey.Scope.CONNECTION && limits.threadGapNanos() > 0) {
            unit.nextCheckout(first.connectionId());
        }
        open.put(key, unit);
        if (key.scope() == UnitOfWorkKey.Scope.TRANSACTION) {
            transactionOnConnection.put(key.id(), key.transactionId());
        }
        return unit;
    }

    private void endEarly(UnitOfWorkKey key) {
        endedEarly++;
        end(key);
    }

    private void end(UnitOfWorkKey key) {
        OpenUnit<U> unit = open.remove(key);
        if (unit == null) {
            return;
        }
        if (key.scope() == UnitOfWorkKey.Scope.TRANSACTION) {
            transactionOnConnection.remove(key.id(), key.transactionId());
        }
        ended.accept(unit.state, new EndedUnit(unit.key, unit.endpoint));
    }
}
