package io.queryadvisor.agent.instrument.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;
import io.queryadvisor.capture.jdbc.Checkouts;

/**
 * A real servlet container (Jetty 12, {@code jakarta.servlet}) with the agent's servlet
 * instrumentation: the statements a request runs carry it, and its end is reported after them.
 */
class JakartaServletRequestTest {

    private static final String DATABASE = "jdbc:h2:mem:servlet-requests";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final CaptureBuffer BUFFER = new CaptureBuffer(4096);
    private static final Capture CAPTURE = new Capture(BUFFER, CaptureConfig.defaults());
    private static final ConnectionSource H2 = new ConnectionSource("h2", null);

    private static InstrumentedServlets instrumentation;
    private static Connection keepDatabaseOpen;
    private static Server server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        instrumentation = new InstrumentedServlets();
        ConnectionWrapping.install(CAPTURE);
        keepDatabaseOpen = DriverManager.getConnection(DATABASE);
        try (Statement s = keepDatabaseOpen.createStatement()) {
            s.execute("create table orders (id int primary key, customer varchar(40))");
            s.execute("create table order_lines (order_id int, product_id int)");
            s.execute("create table products (id int primary key, name varchar(40))");
            s.execute("insert into orders values (42, 'Ada')");
            s.execute("insert into products values (1, 'tea'), (2, 'milk'), (3, 'bread')");
            s.execute("insert into order_lines values (42, 1), (42, 2), (42, 3)");
        }
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new OrderServlet()), "/orders/*");
        context.addServlet(new ServletHolder(new LegacyOrderServlet()), "/legacy/*");
        server = new Server(0);
        server.setHandler(context);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.stop();
            keepDatabaseOpen.close();
        } finally {
            ConnectionWrapping.install(null);
            instrumentation.close();
        }
    }

    @BeforeEach
    void forgetEarlierEvents() {
        BUFFER.drain(e -> { }, Integer.MAX_VALUE);
    }

    @Test
    void instrumentsTheServletApiWithoutErrors() {
        assertThat(instrumentation.transformed()).contains("jakarta.servlet.http.HttpServlet");
        assertThat(instrumentation.errors()).isEmpty();
    }

    @Test
    void statementsRunInARequestCarryItsEndpoint() throws Exception {
        assertThat(get("/orders/42").statusCode()).isEqualTo(200);

        List<CaptureEvent> events = eventsUntilRequestCompleted();
        List<StatementExecuted> statements = statements(events);
        assertThat(statements).hasSize(5); // the order, its lines, a product per line
        assertThat(statements).extracting(s -> s.request().endpoint()).containsOnly("GET /orders/{id}");
        assertThat(statements).extracting(StatementExecuted::request).containsOnly(completed(events).request());
    }

    @Test
    void theRequestIsReportedCompleteAfterItsStatements() throws Exception {
        get("/orders/42");

        List<CaptureEvent> events = eventsUntilRequestCompleted();
        RequestCompleted completed = completed(events);
        assertThat(events.indexOf(completed)).isGreaterThan(events.indexOf(statements(events).get(4)));
        assertThat(completed.durationNanos()).isPositive();
    }

    @Test
    void eachCallIsARequestOfItsOwn() throws Exception {
        get("/orders/42");
        RequestInfo first = completed(eventsUntilRequestCompleted()).request();
        get("/orders/42");
        RequestInfo second = completed(eventsUntilRequestCompleted()).request();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.endpoint()).isEqualTo(first.endpoint());
    }

    @Test
    void aForwardStaysInTheRequestOfItsEntryPoint() throws Exception {
        assertThat(get("/legacy/order?id=42").statusCode()).isEqualTo(200);

        List<CaptureEvent> events = eventsUntilRequestCompleted();
        assertThat(statements(events)).extracting(s -> s.request().endpoint()).containsOnly("GET /legacy/order");
        assertThat(events).filteredOn(RequestCompleted.class::isInstance).hasSize(1);
    }

    @Test
    void aFailingRequestFailsAsBeforeAndIsStillCompleted() throws Exception {
        assertThat(get("/orders/999").statusCode()).isEqualTo(500);

        List<CaptureEvent> events = eventsUntilRequestCompleted();
        assertThat(completed(events).request().endpoint()).isEqualTo("GET /orders/{id}");
        assertThat(statements(events)).extracting(StatementExecuted::request).containsOnly(completed(events).request());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(PATIENCE).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The events captured up to the first {@link RequestCompleted}. Polled: the client can have
     * the whole response before the container's thread has left {@code service}.
     */
    private static List<CaptureEvent> eventsUntilRequestCompleted() {
        List<CaptureEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (events.stream().noneMatch(RequestCompleted.class::isInstance)) {
            assertThat(System.nanoTime()).as("a RequestCompleted within %s; got %s", PATIENCE, events).isLessThan(deadline);
            if (BUFFER.drain(events::add, 1) == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        return events;
    }

    private static List<StatementExecuted> statements(List<CaptureEvent> events) {
        return events.stream().filter(StatementExecuted.class::isInstance).map(StatementExecuted.class::cast).toList();
    }

    private static RequestCompleted completed(List<CaptureEvent> events) {
        return events.stream().filter(RequestCompleted.class::isInstance).map(RequestCompleted.class::cast)
                .findFirst().orElseThrow();
    }

    /** {@code GET /orders/{id}}: the order, then its lines, then each line's product (an N+1). */
    static final class OrderServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            int orderId = Integer.parseInt(request.getPathInfo().substring(1));
            try (Connection c = Checkouts.checkedOut(CAPTURE, H2, DriverManager.getConnection(DATABASE), System.nanoTime())) {
                String customer = customer(c, orderId);
                List<String> products = new ArrayList<>();
                for (int productId : productIds(c, orderId)) {
                    products.add(product(c, productId));
                }
                response.setContentType("text/plain");
                response.getWriter().print(customer + ": " + String.join(", ", products));
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }

        private static String customer(Connection c, int orderId) throws SQLException, ServletException {
            try (PreparedStatement ps = c.prepareStatement("select customer from orders where id = ?")) {
                ps.setInt(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ServletException("no order " + orderId);
                    }
                    return rs.getString(1);
                }
            }
        }

        private static List<Integer> productIds(Connection c, int orderId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("select product_id from order_lines where order_id = ?")) {
                ps.setInt(1, orderId);
                List<Integer> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                return ids;
            }
        }

        private static String product(Connection c, int productId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("select name from products where id = ?")) {
                ps.setInt(1, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
    }

    /** {@code GET /legacy/order?id=42}: forwards to {@code /orders/42}, a nested service call. */
    static final class LegacyOrderServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            request.getRequestDispatcher("/orders/" + request.getParameter("id")).forward(request, response);
        }
    }
}
