package io.queryadvisor.agent.instrument.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.CaptureContext;

/** The request bookkeeping, driven the way the inlined servlet advice drives it. */
class RequestTrackingTest {

    private final CaptureBuffer buffer = new CaptureBuffer(64);
    private final CaptureContext context = CaptureContext.current();

    @BeforeEach
    void install() {
        forgetRequest();
        ConnectionWrapping.install(new Capture(buffer, CaptureConfig.defaults()));
    }

    @AfterEach
    void uninstall() {
        ConnectionWrapping.install(null);
        forgetRequest();
    }

    @Test
    void theOutermostServiceCallIsARequestNamedByItsEndpoint() {
        RequestTracking.enter("GET", "/orders/123/lines");

        assertThat(context.request.endpoint()).isEqualTo("GET /orders/{id}/lines");
    }

    @Test
    void nestedServiceCallsKeepTheOutermostRequest() {
        RequestTracking.enter("GET", "/legacy/order");
        RequestInfo outer = context.request;
        RequestTracking.enter("GET", "/orders/7"); // a forward, or a servlet calling super.service

        assertThat(context.request).isSameAs(outer);
        RequestTracking.exit();
        assertThat(context.request).isSameAs(outer);
    }

    @Test
    void onlyTheOutermostExitCompletesTheRequest() {
        RequestTracking.enter("GET", "/orders/7");
        RequestTracking.enter("GET", "/orders/7");
        RequestTracking.exit();

        assertThat(events()).isEmpty();
        RequestTracking.exit();
        assertThat(events()).hasSize(1);
    }

    @Test
    void theOutermostExitClearsTheRequest() {
        RequestTracking.enter("GET", "/orders/7");
        RequestTracking.exit();

        assertThat(context.request).isNull();
        assertThat(context.requestDepth).isZero();
    }

    @Test
    void aCompletedRequestIsEmittedWithItsStartAndDuration() {
        long before = System.nanoTime();
        RequestTracking.enter("POST", "/orders");
        RequestInfo request = context.request;
        RequestTracking.exit();
        long after = System.nanoTime();

        RequestCompleted completed = (RequestCompleted) events().get(0);
        assertThat(completed.request()).isSameAs(request);
        assertThat(completed.startNanos()).isBetween(before, after);
        assertThat(completed.durationNanos()).isBetween(0L, after - completed.startNanos());
    }

    @Test
    void eachRequestHasItsOwnId() {
        RequestTracking.enter("GET", "/orders/1");
        long first = context.request.id();
        RequestTracking.exit();
        RequestTracking.enter("GET", "/orders/1");
        long second = context.request.id();
        RequestTracking.exit();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void requestsAreNotTrackedWhileCaptureIsOff() {
        ConnectionWrapping.install(null);

        assertThat(RequestTracking.enter("GET", "/orders/1")).isTrue();
        assertThat(context.request).isNull();
        RequestTracking.exit();
        assertThat(context.requestDepth).isZero();
    }

    @Test
    void aRequestStartedBeforeCaptureWasSwitchedOffIsClearedButNotReported() {
        RequestTracking.enter("GET", "/orders/1");
        ConnectionWrapping.install(null);
        RequestTracking.exit();

        assertThat(context.request).isNull();
        assertThat(events()).isEmpty();
    }

    @Test
    void anExitWithoutItsEnterIsIgnored() {
        // A late attach instruments a servlet whose service call is already running.
        RequestTracking.exit();
        assertThat(context.requestDepth).isZero();

        RequestTracking.enter("GET", "/orders/1");
        assertThat(context.request).isNotNull();
    }

    private List<CaptureEvent> events() {
        List<CaptureEvent> events = new ArrayList<>();
        buffer.drain(events::add, Integer.MAX_VALUE);
        return events;
    }

    private void forgetRequest() {
        context.request = null;
        context.requestDepth = 0;
    }
}
