package io.queryadvisor.samples.shop.storefront;

import io.queryadvisor.samples.shop.model.CartLine;
import io.queryadvisor.samples.shop.model.Customer;
import io.queryadvisor.samples.shop.model.CustomerRef;
import io.queryadvisor.samples.shop.model.CustomerRevenue;
import io.queryadvisor.samples.shop.model.Order;
import io.queryadvisor.samples.shop.model.OrderWithLines;
import io.queryadvisor.samples.shop.model.ProductSummary;
import io.queryadvisor.samples.shop.repository.CustomerRepository;
import io.queryadvisor.samples.shop.repository.OrderRepository;
import io.queryadvisor.samples.shop.repository.ProductRepository;
import io.queryadvisor.samples.shop.repository.ReportRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shop's request handlers: each public method is one incoming request and takes exactly one
 * connection from the pool for its whole duration (checkout to close is the unit of work, which
 * is how a web framework with a connection per request behaves).
 */
public final class Storefront {

    /** How many orders "my recent orders" shows. */
    public static final int RECENT_ORDERS = 10;

    private final DataSource dataSource;
    private final CustomerRepository customers = new CustomerRepository();
    private final ProductRepository products = new ProductRepository();
    private final OrderRepository orders = new OrderRepository();
    private final ReportRepository reports = new ReportRepository();

    public Storefront(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The account page. */
    public Optional<Customer> showCustomer(long customerId) throws SQLException {
        return inRequest(connection -> customers.findById(connection, customerId));
    }

    /** A login by e-mail. */
    public Optional<CustomerRef> login(String email) throws SQLException {
        return inRequest(connection -> customers.findByEmail(connection, email));
    }

    /** A category page. */
    public List<ProductSummary> browseCategory(String category) throws SQLException {
        return inRequest(connection -> products.findByCategory(connection, category));
    }

    /** One page of the catalogue, after product {@code afterId}. */
    public List<ProductSummary> listProducts(long afterId, int pageSize) throws SQLException {
        return inRequest(connection -> products.listAfter(connection, afterId, pageSize));
    }

    /** "My recent orders", the slow way: one query for the orders, then one per order for its lines. */
    public List<OrderWithLines> recentOrdersOneByOne(long customerId) throws SQLException {
        return inRequest(connection -> {
            List<OrderWithLines> result = new ArrayList<>();
            // PLANTED: n-plus-one — 1 query for the orders, then RECENT_ORDERS queries for their lines,
            // all on this one connection and from one call site (OrderRepository.findLines).
            // recentOrders(customerId) below does the same in one JOIN.
            for (Order order : orders.findRecent(connection, customerId, RECENT_ORDERS)) {
                result.add(new OrderWithLines(order, orders.findLines(connection, order.id())));
            }
            return result;
        });
    }

    /** "My recent orders", done right: one query. */
    public List<OrderWithLines> recentOrders(long customerId) throws SQLException {
        return inRequest(connection -> orders.findRecentWithLines(connection, customerId, RECENT_ORDERS));
    }

    /** Checks out a cart: the order and its lines in one transaction, the lines in one JDBC batch. */
    public long placeOrder(long customerId, List<CartLine> cart) throws SQLException {
        return inRequest(connection -> {
            connection.setAutoCommit(false); // the pool restores auto-commit when the connection is returned
            try {
                long orderId = orders.insertOrder(connection, customerId);
                orders.insertLines(connection, orderId, cart);
                connection.commit();
                return orderId;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    /** The back office's "top customers" report. */
    public List<CustomerRevenue> topCustomers(int limit) throws SQLException {
        return inRequest(connection -> reports.topCustomersByRevenue(connection, limit));
    }

    private <T> T inRequest(RequestWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** What a request does with its connection. */
    @FunctionalInterface
    private interface RequestWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
