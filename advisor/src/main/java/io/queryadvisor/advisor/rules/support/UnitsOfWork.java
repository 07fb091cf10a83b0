package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * The open units of work and when each ends, from the capture events alone.
 *
 * <p>A statement belongs to its request if it has one, else to its transaction, else to its
 * connection checkout ({@link UnitOfWorkKey#of}). A request ends with its {@code RequestCompleted};
 * a transaction when its connection is released or a statement of another transaction (or in
 * auto-commit) runs on that connection; a checkout when its connection is released. The unit's
 * state then goes to the {@code ended} callback, which judges it.
 *
 * <p>Bounded whatever the workload, since end events can be lost (a dropped event, a connection
 * leaked and never closed, a request thread killed):
 * <ul>
 *   <li>a unit is ended early, and judged as it stands, once it has run {@code maxStatementsPerUnit}
 *       statements or is older than {@code maxAgeMillis}: a connection a message listener holds for
 *       the life of the application is thus judged a slice at a time. Age is checked when the unit's
 *       next statement arrives, on the least recently active unit at every statement, and by
 *       {@link #endStartedBefore} (when findings are asked for), so an idle unit is judged too;</li>
 *   <li>at most {@code maxOpenUnits} are open: a new one ends the least recently active, which is
 *       judged as it stands and counted as evicted.</li>
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
     */
    public record Limits(int maxOpenUnits, int maxStatementsPerUnit, long maxAgeMillis) {
    }

    private final Limits limits;
    private final Function<UnitOfWorkKey, U> start;
    private final Consumer<U> ended;
    /** In access order: the first entry is the least recently active unit. */
    private final LinkedHashMap<UnitOfWorkKey, Open<U>> open = new LinkedHashMap<>(64, 0.75f, true);
    /** The transaction open on each connection: a statement of another one ends it. */
    private final Map<Long, Long> transactionOnConnection = new HashMap<>();
    private long evicted;
    private long endedEarly;

    /**
     * @param start makes the state of a new unit
     * @param ended receives the state of each unit that ended (and is then forgotten)
     */
    public UnitsOfWork(Limits limits, Function<UnitOfWorkKey, U> start, Consumer<U> ended) {
        this.limits = limits;
        this.start = start;
        this.ended = ended;
    }

    /** Records {@code s} in its unit, first ending the units it shows are over. */
    public void statement(ObservedStatement s) {
        StatementExecuted e = s.event();
        long now = s.epochMillis();
        if (e.request() == null) {
            endTransactionLeftBy(e);
        }
        endLeastRecentlyActiveIfOlderThan(now - limits.maxAgeMillis());
        UnitOfWorkKey key = UnitOfWorkKey.of(e);
        Open<U> unit = open.get(key);
        if (unit != null && unit.startedMillis < now - limits.maxAgeMillis()) {
            endEarly(key);
            unit = null;
        }
        if (unit == null) {
            unit = open(key, now);
        }
        unit.state.record(s);
        if (++unit.statements >= limits.maxStatementsPerUnit()) {
            endEarly(key);
        }
    }

    public void connectionReleased(long connectionId) {
        end(UnitOfWorkKey.connection(connectionId));
        Long transaction = transactionOnConnection.get(connectionId);
        if (transaction != null) {
            end(UnitOfWorkKey.transaction(connectionId, transaction));
        }
    }

    public void requestCompleted(long requestId) {
        end(UnitOfWorkKey.request(requestId));
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

    /** Units open now. */
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

    private void endTransactionLeftBy(StatementExecuted e) {
        Long transaction = transactionOnConnection.get(e.connectionId());
        if (transaction != null && transaction != e.transactionId()) {
            end(UnitOfWorkKey.transaction(e.connectionId(), transaction));
        }
    }

    private void endLeastRecentlyActiveIfOlderThan(long epochMillis) {
        if (!open.isEmpty()) {
            Map.Entry<UnitOfWorkKey, Open<U>> stalest = open.entrySet().iterator().next();
            if (stalest.getValue().startedMillis < epochMillis) {
                endEarly(stalest.getKey());
            }
        }
    }

    private Open<U> open(UnitOfWorkKey key, long now) {
        if (open.size() >= limits.maxOpenUnits()) {
            end(open.keySet().iterator().next());
            evicted++;
        }
        Open<U> unit = new Open<>(start.apply(key), now);
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
        Open<U> unit = open.remove(key);
        if (unit == null) {
            return;
        }
        if (key.scope() == UnitOfWorkKey.Scope.TRANSACTION) {
            transactionOnConnection.remove(key.id(), key.transactionId());
        }
        ended.accept(unit.state);
    }

    /** A unit's state with what the bounds need. */
    private static final class Open<U> {
        final U state;
        final long startedMillis;
        int statements;

        Open(U state, long startedMillis) {
            this.state = state;
            this.startedMillis = startedMillis;
        }
    }
}
