package io.queryadvisor.samples.shop.storefront;

import io.queryadvisor.samples.shop.model.CartLine;
import io.queryadvisor.samples.shop.model.Customer;
import io.queryadvisor.samples.shop.model.CustomerRef;
import io.queryadvisor.samples.shop.model.CustomerRevenue;
import io.queryadvisor.samples.shop.model.Order;
import io.queryadvisor.samples.shop.model.OrderWithLines;
import io.queryadvisor.samples.shop.model.ProductSummary;
import io.queryadvisor.samples.shop.repository.CustomerRepository;
import io.queryadvisor.samples.shop.repository.OrderAdminRepository;
import io.queryadvisor.samples.shop.repository.OrderRepository;
import io.queryadvisor.samples.shop.repository.ProductRepository;
import io.queryadvisor.samples.shop.repository.ReportRepository;
import io.queryadvisor.samples.shop.repository.StockRepository;

import javax.sql.DataSource;
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

    /** The account a guest's order is placed with until the guest signs in. */
    public static final long GUEST_CUSTOMER = 1;

    private final Requests requests;
    private final BackOffice backOffice;
    private final CustomerRepository customers = new CustomerRepository();
    private final ProductRepository products = new ProductRepository();
    private final OrderRepository orders = new OrderRepository();
    private final ReportRepository reports = new ReportRepository();
    private final OrderAdminRepository orderAdmin = new OrderAdminRepository();
    private final StockRepository stock = new StockRepository();

    public Storefront(DataSource dataSource) {
        this.requests = new Requests(dataSource);
        this.backOffice = new BackOffice(requests);
    }

    /** The account page. */
    public Optional<Customer> showCustomer(long customerId) throws SQLException {
        return requests.run(connection -> customers.findById(connection, customerId));
    }

    /** A login by e-mail. */
    public Optional<CustomerRef> login(String email) throws SQLException {
        return requests.run(connection -> customers.findByEmail(connection, email));
    }

    /** A category page. */
    public List<ProductSummary> browseCategory(String category) throws SQLException {
        return requests.run(connection -> products.findByCategory(connection, category));
    }

    /** One page of the catalogue, after product {@code afterId}. */
    public List<ProductSummary> listProducts(long afterId, int pageSize) throws SQLException {
        return requests.run(connection -> products.listAfter(connection, afterId, pageSize));
    }

    /** "My recent orders", the slow way: one query for the orders, then one per order for its lines. */
    public List<OrderWithLines> recentOrdersOneByOne(long customerId) throws SQLException {
        return requests.run(connection -> {
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
        return requests.run(connection -> orders.findRecentWithLines(connection, customerId, RECENT_ORDERS));
    }

    /** Checks out a cart: the order and its lines in one transaction, the lines in one JDBC batch. */
    public long placeOrder(long customerId, List<CartLine> cart) throws SQLException {
        return requests.inTransaction(connection -> {
            long orderId = orders.insertOrder(connection, customerId);
            orders.insertLines(connection, orderId, cart);
            return orderId;
        });
    }

    /** A guest's checkout, signed in at the end: the order is placed as the guest, then given to the customer. */
    public long guestCheckout(long customerId) throws SQLException {
        return requests.inTransaction(connection -> {
            // PLANTED: write-then-update — the order is inserted with the guest account, then an UPDATE
            // sets its customer_id at once: two statements where placeOrder's INSERT writes the key itself.
            long orderId = orders.insertOrder(connection, GUEST_CUSTOMER);
            orderAdmin.assignCustomer(connection, orderId, customerId);
            return orderId;
        });
    }

    /** A product's page: header, price box and "buy" button. */
    public ProductSummary productPage(long productId) throws SQLException {
        return requests.run(connection -> {
            // PLANTED: repeated-identical-query — each part of the page reads the same product again,
            // with the same id, in one request. productPageOnce reads it once and hands it round.
            ProductSummary header = stock.findSummary(connection, productId);
            ProductSummary priceBox = stock.findSummary(connection, productId);
            ProductSummary buyButton = stock.findSummary(connection, productId);
            return header.equals(priceBox) && priceBox.equals(buyButton) ? header : null;
        });
    }

    /** Well written: the product's page with the product read once. */
    public ProductSummary productPageOnce(long productId) throws SQLException {
        return requests.run(connection -> stock.findForPage(connection, productId));
    }

    /** The back office, on the same pool. */
    public BackOffice backOffice() {
        return backOffice;
    }

    /** The back office's "top customers" report. */
    public List<CustomerRevenue> topCustomers(int limit) throws SQLException {
        return requests.run(connection -> reports.topCustomersByRevenue(connection, limit));
    }

}
