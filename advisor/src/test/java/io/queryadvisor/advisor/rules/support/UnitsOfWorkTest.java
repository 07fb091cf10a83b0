package io.queryadvisor.advisor.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;

class UnitsOfWorkTest {

    private static final Fingerprint QUERY = ObservedStatementBuilder.fingerprint("SELECT 1");
    private static final long T0 = 1_738_318_530_000L;

    /** What each ended unit saw: its key and how many statements. */
    private final List<String> ended = new ArrayList<>();
    private final UnitsOfWork<CountingUnit> units = units(new UnitsOfWork.Limits(100, 1_000, 60_000));

    private UnitsOfWork<CountingUnit> units(UnitsOfWork.Limits limits) {
        return new UnitsOfWork<>(limits, key -> new CountingUnit(), (u, unit) -> ended.add(unit.key().scope() + " "
                + unit.key().id() + (unit.key().transactionId() == 0 ? "" : "/" + unit.key().transactionId()) + ": "
                + u.statements));
    }

    private static ObservedStatement statement(long connection, long transaction, RequestInfo request, long millis) {
        StatementExecuted e = new StatementExecuted(QUERY.text(), StatementKind.QUERY, 1, 0, 0, millis * 1_000_000, 1,
                1, null, connection, transaction, 1, "main", null, 0, List.of(), request, null, null);
        return new ObservedStatement(e, QUERY, T0 + millis);
    }

    private static ObservedStatement statement(long connection, long transaction) {
        return statement(connection, transaction, null, 0);
    }

    /** A statement of shape {@code shape} on thread {@code thread}, in auto-commit, at {@code millis}. */
    private static ObservedStatement onThread(long thread, long connection, String shape, long millis) {
        Fingerprint fp = ObservedStatementBuilder.fingerprint(shape);
        StatementExecuted e = new StatementExecuted(fp.text(), StatementKind.QUERY, 1, 0, 0, millis * 1_000_000, 1,
                1, null, connection, 0, thread, "worker", null, 0, List.of(), null, null, null);
        return new ObservedStatement(e, fp, T0 + millis);
    }

    private static ConnectionReleased released(long connection, long millis) {
        return new ConnectionReleased(connection, 0, millis * 1_000_000, 1, 0);
    }

    private static Tick tick(long millis) {
        return new Tick(millis * 1_000_000, T0 + millis);
    }

    /** Units with series of checkouts 50 ms apart at most. */
    private UnitsOfWork<CountingUnit> withSeries() {
        return units(new UnitsOfWork.Limits(100, 1_000, 60_000, 50_000_000));
    }

    @Test
    void endsCheckoutWhenItsConnectionIsReleased() {
        units.statement(statement(1, 0));
        units.statement(statement(1, 0));
        units.statement(statement(2, 0));
        assertThat(ended).isEmpty();

        units.connectionReleased(1);

        assertThat(ended).containsExactly("CONNECTION 1: 2");
        assertThat(units.openUnits()).isEqualTo(1);
    }

    @Test
    void endsTransactionWhenAnotherOneRunsOnItsConnection() {
        units.statement(statement(1, 1));
        units.statement(statement(1, 1));
        units.statement(statement(2, 1));
        assertThat(ended).isEmpty();

        units.statement(statement(1, 2));

        assertThat(ended).containsExactly("TRANSACTION 1/1: 2");
    }

    @Test
    void endsTransactionWhenAStatementInAutoCommitRunsOnItsConnection() {
        units.statement(statement(1, 1));
        units.statement(statement(1, 0));

        assertThat(ended).containsExactly("TRANSACTION 1/1: 1");
        units.connectionReleased(1);
        assertThat(ended).containsExactly("TRANSACTION 1/1: 1", "CONNECTION 1: 1");
    }

    @Test
    void endsTransactionWhenItsConnectionIsReleased() {
        units.statement(statement(1, 3));

        units.connectionReleased(1);

        assertThat(ended).containsExactly("TRANSACTION 1/3: 1");
        assertThat(units.openUnits()).isZero();
    }

    @Test
    void endsRequestWhenItCompletesNotWhenItsConnectionsAreReleased() {
        RequestInfo request = new RequestInfo(9, "GET /orders");
        units.statement(statement(1, 0, request, 0));
        units.connectionReleased(1);
        units.statement(statement(2, 5, request, 1));
        units.connectionReleased(2);
        assertThat(ended).isEmpty();

        units.requestCompleted(9);

        assertThat(ended).containsExactly("REQUEST 9: 2");
    }

    @Test
    void tellsTheEndpointOfTheRequestThatEnded() {
        List<EndedUnit> requests = new ArrayList<>();
        UnitsOfWork<CountingUnit> withEndpoints = new UnitsOfWork<>(new UnitsOfWork.Limits(100, 1_000, 60_000),
                key -> new CountingUnit(), (u, unit) -> requests.add(unit));
        withEndpoints.statement(statement(1, 0, new RequestInfo(9, "GET /orders"), 0));

        withEndpoints.requestCompleted(9);

        assertThat(requests).containsExactly(new EndedUnit(UnitOfWorkKey.request(9), "GET /orders"));
    }

    @Test
    void endsUnitEarlyAtMaxStatementsAndStartsANewOne() {
        UnitsOfWork<CountingUnit> small = units(new UnitsOfWork.Limits(100, 3, 60_000));
        for (int i = 0; i < 4; i++) {
            small.statement(statement(1, 0));
        }

        assertThat(ended).containsExactly("CONNECTION 1: 3");
        assertThat(small.endedEarly()).isEqualTo(1);
        assertThat(small.openUnits()).isEqualTo(1);
    }

    @Test
    void endsUnitEarlyOnceOlderThanMaxAge() {
        units.statement(statement(1, 0, null, 0));
        units.statement(statement(1, 0, null, 60_000));
        assertThat(ended).isEmpty();

        units.statement(statement(1, 0, null, 60_001));

        assertThat(ended).containsExactly("CONNECTION 1: 2");
    }

    @Test
    void endsAnIdleUnitOlderThanMaxAgeWhenOtherStatementsRun() {
        units.statement(statement(1, 0, null, 0));

        units.statement(statement(2, 0, null, 60_001));

        assertThat(ended).containsExactly("CONNECTION 1: 1");
    }

    @Test
    void endsUnitsStartedBeforeAGivenTime() {
        units.statement(statement(1, 0, null, 0));
        units.statement(statement(2, 0, null, 10));

        units.endStartedBefore(T0 + 5);

        assertThat(ended).containsExactly("CONNECTION 1: 1");
    }

    @Test
    void evictsTheLeastRecentlyActiveUnitPastMaxOpenUnits() {
        UnitsOfWork<CountingUnit> small = units(new UnitsOfWork.Limits(2, 1_000, 60_000));
        small.statement(statement(1, 0));
        small.statement(statement(2, 0));
        small.statement(statement(1, 0));

        small.statement(statement(3, 0));

        assertThat(ended).containsExactly("CONNECTION 2: 1");
        assertThat(small.evicted()).isEqualTo(1);
        assertThat(small.openUnits()).isEqualTo(2);
    }

    @Test
    void continuesACheckoutWithTheNextCheckoutOfItsThreadAsASeries() {
        UnitsOfWork<CountingUnit> series = withSeries();
        series.onEvent(onThread(7, 1, "SELECT a", 0));
        series.onEvent(released(1, 1));
        series.onEvent(onThread(7, 2, "SELECT a", 10));
        series.onEvent(released(2, 11));
        assertThat(ended).isEmpty();

        series.onEvent(tick(62));

        assertThat(ended).containsExactly("THREAD 7: 2");
    }

    @Test
    void endsASeriesAtItsThreadsNextCheckoutAfterALongerPause() {
        UnitsOfWork<CountingUnit> series = withSeries();
        series.onEvent(onThread(7, 1, "SELECT a", 0));
        series.onEvent(released(1, 1));

        series.onEvent(onThread(7, 2, "SELECT a", 52));

        assertThat(ended).containsExactly("CONNECTION 1: 1");
        assertThat(series.openUnits()).isEqualTo(1);
    }

    @Test
    void keepsTheCheckoutsOfOtherThreadsOutOfASeries() {
        UnitsOfWork<CountingUnit> series = withSeries();
        series.onEvent(onThread(7, 1, "SELECT a", 0));
        series.onEvent(released(1, 1));
        series.onEvent(onThread(8, 2, "SELECT a", 2));
        series.onEvent(released(2, 3));

        series.onEvent(tick(100));

        assertThat(ended).containsExactlyInAnyOrder("CONNECTION 1: 1", "CONNECTION 2: 1");
    }

    @Test
    void judgesACheckoutThatRepeatsAShapeAtItsRelease() {
        UnitsOfWork<CountingUnit> series = withSeries();
        series.onEvent(onThread(7, 1, "SELECT a", 0));
        series.onEvent(onThread(7, 1, "SELECT a", 1));

        series.onEvent(released(1, 2));

        assertThat(ended).containsExactly("CONNECTION 1: 2");
    }

    @Test
    void judgesACheckoutOfManyStatementsAtItsRelease() {
        UnitsOfWork<CountingUnit> series = withSeries();
        for (int i = 0; i <= OpenUnit.MAX_STEP_STATEMENTS; i++) {
            series.onEvent(onThread(7, 1, "SELECT " + i, i));
        }

        series.onEvent(released(1, 20));

        assertThat(ended).containsExactly("CONNECTION 1: 9");
    }

    @Test
    void judgesAReleasedCheckoutAtOnceWithoutSeries() {
        units.onEvent(onThread(7, 1, "SELECT a", 0));

        units.onEvent(released(1, 1));

        assertThat(ended).containsExactly("CONNECTION 1: 1");
    }

    @Test
    void keepsTheSeriesWithinMaxOpenUnits() {
        UnitsOfWork<CountingUnit> small = units(new UnitsOfWork.Limits(2, 1_000, 60_000, 50_000_000));
        for (long thread = 1; thread <= 3; thread++) {
            small.onEvent(onThread(thread, thread, "SELECT a", 0));
            small.onEvent(released(thread, 0));
        }

        assertThat(ended).containsExactly("CONNECTION 1: 1");
        assertThat(small.openUnits()).isEqualTo(2);
        assertThat(small.evicted()).isEqualTo(1);
    }

    private static final class CountingUnit implements UnitOfWork {
        int statements;

        @Override
        public void record(ObservedStatement statement) {
            statements++;
        }
    }
}
