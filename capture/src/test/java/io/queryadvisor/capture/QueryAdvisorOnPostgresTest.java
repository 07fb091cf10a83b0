package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.shop.OrderHistory;
import com.example.shop.ShopSchema;
import com.example.shop.Storefront;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.StatementType;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.stats.QueryStats;
import io.queryadvisor.advisor.stats.WorkloadSnapshot;
import io.queryadvisor.capture.jdbc.CapturingConnection;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/** Query Advisor as a library, without the agent: a HikariCP pool on PostgreSQL, wrapped by the application. */
class QueryAdvisorOnPostgresTest {

    private static final String POOL = "shop-library";
    private static final int VISITS = 3;

    private static TestSchema shop;

    private final Queue<CaptureEvent> events = new ConcurrentLinkedQueue<>();
    private QueryAdvisor queryAdvisor;
    private HikariDataSource pool;

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(QueryAdvisorOnPostgresTest.class);
    }

    @BeforeEach
    void start() {
        queryAdvisor = QueryAdvisor.start(Settings.empty(), List.of(events::add));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(shop.jdbcUrl());
        config.setUsername(shop.user());
        config.setPassword(shop.password());
        config.setPoolName(POOL);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void stop() {
        pool.close();
        queryAdvisor.close();
    }

    @Test
    void countsEachStatementOfAWrappedPoolOncePerFingerprint() throws SQLException {
        Storefront store = new Storefront(queryAdvisor.capture(pool));
        for (long product = 1; product <= VISITS; product++) {
            store.visit(product);
        }

        WorkloadSnapshot snapshot = snapshot();
        assertThat(onlyQuery(snapshot, StatementType.SELECT, "customers").count()).isEqualTo(VISITS);
        assertThat(onlyQuery(snapshot, StatementType.SELECT, "products").count()).isEqualTo(2 * VISITS);
        assertThat(onlyQuery(snapshot, StatementType.UPDATE, "products").count()).isEqualTo(VISITS);
        assertThat(snapshot.queries()).hasSize(3);
        assertThat(snapshot.health().statementsObserved()).isEqualTo((long) VISITS * Storefront.STATEMENTS_PER_VISIT);
    }

    @Test
    void findsAnNPlusOneLoopWithoutTheAgent() throws SQLException {
        new OrderHistory(queryAdvisor.capture(pool)).linesOneOrderAtATime(ShopSchema.REGULAR_CUSTOMER);

        snapshot();
        List<Recommendation> found = queryAdvisor.advisor().recommendations().stream()
                .filter(r -> r.rule().equals(NPlusOneRule.ID)).toList();
        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.fingerprint()).containsIgnoringCase("order_lines");
            assertThat(finding.evidence()).containsEntry("maxRepetitions", (long) ShopSchema.REGULAR_CUSTOMER_ORDERS);
        });
    }

    @Test
    void eachCheckoutIsAcquiredFromThePoolAndTheDatabaseIdentifiedOnce() throws SQLException {
        DataSource dataSource = queryAdvisor.capture(pool);
        dataSource.getConnection().close();
        dataSource.getConnection().close();

        snapshot();
        assertThat(events(ConnectionAcquired.class)).hasSize(2).allSatisfy(acquired -> {
            assertThat(acquired.source()).isEqualTo(POOL);
            assertThat(acquired.threadName()).isEqualTo(Thread.currentThread().getName());
        });
        assertThat(events(DatabaseIdentified.class)).singleElement().satisfies(database -> {
            assertThat(database.source()).isEqualTo(POOL);
            assertThat(database.product()).startsWith("PostgreSQL");
            assertThat(database.connector()).isNotNull();
        });
    }

    @Test
    void aDataSourceWrappedTwiceCapturesOnce() throws SQLException {
        DataSource twice = queryAdvisor.capture(queryAdvisor.capture(pool));
        try (Connection connection = twice.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }

        snapshot();
        assertThat(events(ConnectionAcquired.class)).hasSize(1);
        assertThat(events(ObservedStatement.class)).hasSize(1);
    }

    @Test
    void theConnectorOpensAConnectionOfItsOwnOutsideThePool() throws SQLException {
        queryAdvisor.capture(pool).getConnection().close();
        snapshot();
        DatabaseIdentified database = events(DatabaseIdentified.class).get(0);

        try (Connection first = pool.getConnection(); Connection second = pool.getConnection();
             Connection own = database.connector().open()) {
            assertThat(own).isNotInstanceOf(CapturingConnection.class);
            assertThat(backendPid(own)).isNotIn(backendPid(first), backendPid(second));
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(2);
        }
        assertThat(database.connector().toString()).doesNotContain("password");
    }

    @Test
    void afterCloseTheWrappedDataSourceHandsOutPlainConnections() throws SQLException {
        DataSource dataSource = queryAdvisor.capture(pool);
        queryAdvisor.close();

        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection).isNotInstanceOf(CapturingConnection.class);
        }
    }

    private WorkloadSnapshot snapshot() {
        assertThat(queryAdvisor.advisor().awaitIdle(Duration.ofSeconds(10))).isTrue();
        return queryAdvisor.advisor().snapshot();
    }

    private <T extends CaptureEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static QueryStats onlyQuery(WorkloadSnapshot snapshot, StatementType type, String table) {
        List<QueryStats> matching = snapshot.queries().stream()
                .filter(q -> q.type() == type && q.fingerprint().toLowerCase().contains(table)).toList();
        assertThat(matching).as("%s on %s", type, table).hasSize(1);
        return matching.get(0);
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
