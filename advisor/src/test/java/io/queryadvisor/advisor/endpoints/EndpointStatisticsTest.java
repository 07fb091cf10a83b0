package io.queryadvisor.advisor.endpoints;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;

class EndpointStatisticsTest {

    private static final Fingerprint ORDERS = fingerprint("SELECT id FROM orders WHERE id = ?");
    private static final String GET_ORDER = "GET /orders/{id}";

    private final EndpointCatalog catalog = new EndpointCatalog(100);
    private final EndpointStatistics statistics = new EndpointStatistics(catalog, 3);

    @Test
    void countsRequestsStatementsAndDatabaseTimePerRequest() {
        request(1, GET_ORDER, 2, 1.0);
        request(2, GET_ORDER, 2, 1.0);
        request(3, GET_ORDER, 10, 5.0);

        EndpointStats stats = only();
        assertThat(stats.endpoint()).isEqualTo(GET_ORDER);
        assertThat(stats.requests()).isEqualTo(3);
        assertThat(stats.statements()).isEqualTo(14);
        assertThat(stats.totalMillis()).isEqualTo(54.0);
        assertThat(stats.statementsPerRequestP50()).isEqualTo(2);
        assertThat(stats.statementsPerRequestP95()).isEqualTo(10);
        // HDR histograms keep 2 significant digits
        assertThat(stats.dbMillisPerRequestP50()).isCloseTo(2.0, withinPercentage(1));
        assertThat(stats.dbMillisPerRequestP95()).isCloseTo(50.0, withinPercentage(1));
    }

    @Test
    void countsFailedStatementsAsErrors() {
        run(execution(ORDERS).inRequest(1, GET_ORDER).failed("org.postgresql.util.PSQLException"));
        run(execution(ORDERS).inRequest(1, GET_ORDER));

        assertThat(only().errors()).isEqualTo(1);
    }

    @Test
    void requestWithoutStatementsCountsTowardAKnownEndpoint() {
        request(1, GET_ORDER, 1, 1.0);
        statistics.onEvent(completed(2, GET_ORDER));

        assertThat(only().requests()).isEqualTo(2);
        assertThat(only().statementsPerRequestP50()).isZero();
    }

    @Test
    void requestWithoutStatementsAddsNoEndpoint() {
        statistics.onEvent(completed(1, "GET /favicon.ico"));

        assertThat(statistics.snapshot()).isEmpty();
    }

    @Test
    void statementsOutsideRequestsHaveTheirThreadsEndpointWithoutRequests() {
        run(execution(ORDERS).thread("scheduling-1"));
        run(execution(ORDERS).thread("scheduling-2"));

        EndpointStats stats = only();
        assertThat(stats.endpoint()).isEqualTo("no request: scheduling-*");
        assertThat(stats.statements()).isEqualTo(2);
        assertThat(stats.requests()).isZero();
        assertThat(stats.dbMillisPerRequestP95()).isZero();
    }

    @Test
    void requestsStillRunningAreBoundedAndTheOldestDroppedCounted() {
        for (int id = 1; id <= 5; id++) {
            run(execution(ORDERS).inRequest(id, GET_ORDER));
        }

        assertThat(statistics.requestsLost()).isEqualTo(2);
    }

    @Test
    void endpointIdIsStableForItsName() {
        request(1, GET_ORDER, 1, 1.0);

        assertThat(only().id()).isEqualTo(Fingerprinter.idOf(GET_ORDER)).hasSize(16);
    }

    @Test
    void endpointsBeyondTheCatalogAreCountedAsOthers() {
        EndpointStatistics bounded = new EndpointStatistics(new EndpointCatalog(1), 10);
        EndpointCatalog names = new EndpointCatalog(1);
        for (String endpoint : List.of("GET /a", "GET /b", "GET /c")) {
            ObservedStatement s = execution(ORDERS).inRequest(endpoint.hashCode(), endpoint).build();
            bounded.onEvent(new ObservedStatement(s.event(), s.fingerprint(), s.epochMillis(), names.endpointOf(s.event())));
        }

        assertThat(bounded.snapshot()).extracting(EndpointStats::endpoint, EndpointStats::statements)
                .containsExactly(tuple(EndpointCatalog.OTHERS, 2L),
                        tuple("GET /a", 1L));
    }

    private void request(long id, String endpoint, int statements, double millisEach) {
        for (int i = 0; i < statements; i++) {
            run(execution(ORDERS).inRequest(id, endpoint).millis(millisEach));
        }
        statistics.onEvent(completed(id, endpoint));
    }

    private static RequestCompleted completed(long id, String endpoint) {
        return new RequestCompleted(new RequestInfo(id, endpoint), 0, 1_000_000);
    }

    private void run(ObservedStatementBuilder execution) {
        ObservedStatement s = execution.build();
        statistics.onEvent(new ObservedStatement(s.event(), s.fingerprint(), s.epochMillis(),
                catalog.endpointOf(s.event())));
    }

    private EndpointStats only() {
        assertThat(statistics.snapshot()).hasSize(1);
        return statistics.snapshot().get(0);
    }
}
