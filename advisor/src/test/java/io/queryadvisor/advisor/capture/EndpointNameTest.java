package io.queryadvisor.advisor.capture;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.execution;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointNameTest {

    private static final StatementExecuted IN_REQUEST =
            execution(fingerprint("SELECT 1")).inRequest(7, "GET /orders/{id}").build().event();

    @Test
    void statementInARequestBelongsToItsEndpoint() {
        assertThat(EndpointName.of(IN_REQUEST)).isEqualTo("GET /orders/{id}");
    }

    @Test
    void statementOutsideRequestsIsNamedByItsThreadWithDigitsCollapsed() {
        StatementExecuted e = execution(fingerprint("SELECT 1")).thread("scheduling-12").build().event();

        assertThat(EndpointName.of(e)).isEqualTo("no request: scheduling-*");
    }

    @Test
    void everyRunOfDigitsInAThreadNameBecomesOneStar() {
        assertThat(EndpointName.outsideRequests("pool-3-thread-17")).isEqualTo("no request: pool-*-thread-*");
    }

    @Test
    void threadsOfOnePoolShareOneName() {
        assertThat(EndpointName.outsideRequests("worker-1")).isEqualTo(EndpointName.outsideRequests("worker-204"));
    }

    @Test
    void longThreadNameIsCut() {
        assertThat(EndpointName.outsideRequests("x".repeat(1_000)))
                .hasSize(EndpointName.NO_REQUEST.length() + EndpointName.MAX_THREAD_PATTERN);
    }

    @Test
    void threadWithoutNameIsAQuestionMark() {
        assertThat(EndpointName.outsideRequests(null)).isEqualTo("no request: ?");
    }
}
