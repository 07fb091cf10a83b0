package io.queryadvisor.agent.instrument.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * {@code javax.servlet} servlets, instrumented for real and called the way a container calls them
 * ({@code service(ServletRequest, ServletResponse)} on this thread), including the overrides of
 * {@code service} that frameworks make.
 */
class JavaxServletRequestTest {

    private static InstrumentedServlets instrumentation;
    private final CaptureBuffer buffer = new CaptureBuffer(64);

    @BeforeAll
    static void instrument() {
        instrumentation = new InstrumentedServlets();
    }

    @AfterAll
    static void removeInstrumentation() {
        instrumentation.close();
    }

    @BeforeEach
    void install() {
        ConnectionWrapping.install(new Capture(buffer, CaptureConfig.defaults()));
    }

    @AfterEach
    void uninstall() {
        ConnectionWrapping.install(null);
    }

    @Test
    void aServletSeesItsRequestWhileItRuns() throws Exception {
        RecordingServlet servlet = new RecordingServlet();

        call(servlet, "/shop/orders/42");

        assertThat(servlet.seen.endpoint()).isEqualTo("GET /shop/orders/{id}");
        assertThat(completed()).extracting(RequestCompleted::request).containsExactly(servlet.seen);
    }

    @Test
    void theRequestEndsWithService() throws Exception {
        call(new RecordingServlet(), "/orders/42");

        assertThat(CaptureContext.current().request).isNull();
        assertThat(CaptureContext.current().requestDepth).isZero();
    }

    @Test
    void aServletThatReplacesServiceIsTracked() throws Exception {
        ReplacingServlet servlet = new ReplacingServlet(); // as Jersey's ServletContainer does

        call(servlet, "/api/orders/42");

        assertThat(instrumentation.transformed()).contains(ReplacingServlet.class.getName());
        assertThat(servlet.seen.endpoint()).isEqualTo("GET /api/orders/{id}");
        assertThat(completed()).hasSize(1);
    }

    @Test
    void aServletThatExtendsServiceIsOneRequest() throws Exception {
        ExtendingServlet servlet = new ExtendingServlet(); // as Spring's FrameworkServlet does

        call(servlet, "/app/orders/42");

        assertThat(servlet.seen).isNotNull().isSameAs(servlet.seenAroundSuper);
        assertThat(completed()).extracting(RequestCompleted::request).containsExactly(servlet.seen);
    }

    @Test
    void theRequestsOwnExceptionReachesTheContainerUntouched() {
        ServletException thrown = new ServletException("no order 999");
        FailingServlet servlet = new FailingServlet(thrown);

        assertThatThrownBy(() -> call(servlet, "/orders/999")).isSameAs(thrown);
        assertThat(CaptureContext.current().request).isNull();
        assertThat(completed()).hasSize(1);
    }

    private static void call(HttpServlet servlet, String uri) throws Exception {
        servlet.service(request("GET", uri), response());
    }

    private List<RequestCompleted> completed() {
        List<CaptureEvent> events = new ArrayList<>();
        buffer.drain(events::add, Integer.MAX_VALUE);
        return events.stream().filter(RequestCompleted.class::isInstance).map(RequestCompleted.class::cast).toList();
    }

    /** A request that answers what {@code HttpServlet} and the advice ask, and nothing else. */
    private static ServletRequest request(String method, String uri) {
        return (ServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ServletResponse response() {
        return (ServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static final class RecordingServlet extends HttpServlet {
        RequestInfo seen;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            seen = CaptureContext.current().request;
        }
    }

    static final class ReplacingServlet extends HttpServlet {
        RequestInfo seen;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            seen = CaptureContext.current().request;
        }
    }

    static final class ExtendingServlet extends HttpServlet {
        RequestInfo seen;
        RequestInfo seenAroundSuper;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            seenAroundSuper = CaptureContext.current().request;
            super.service(request, response);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            seen = CaptureContext.current().request;
        }
    }

    static final class FailingServlet extends HttpServlet {
        private final ServletException failure;

        FailingServlet(ServletException failure) {
            this.failure = failure;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            throw failure;
        }
    }
}
