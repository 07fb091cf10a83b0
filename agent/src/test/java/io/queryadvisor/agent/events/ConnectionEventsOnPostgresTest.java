package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import com.example.infra.ForwardingDataSource;
import com.example.shop.Storefront;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionAcquireFailed;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.SourceLines;
import io.queryadvisor.testing.TestSchema;

/** Checkouts as the agent sees them on a HikariCP pool on PostgreSQL: acquired, then released, each once. */
class ConnectionEventsOnPostgresTest {

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(ConnectionEventsOnPostgresTest.class);
    }

    @Test
    void aCheckoutIsAcquiredOnceNamingItsPoolThreadAndCallSite() throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop);
        new Storefront(pool).visit(1);

        String checkout = SourceLines.callSite(Storefront.class, "visit", "the visit's checkout");
        ConnectionAcquired acquired = onlyEvent(ConnectionAcquired.class);
        assertThat(acquired.source()).isEqualTo(pool.getPoolName());
        assertThat(acquired.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(acquired.callSite()).hasToString(checkout);
        assertThat(acquired.waitNanos()).isNotNegative();
        assertThat(agent.statements()).extracting(StatementExecuted::connectionId)
                .containsOnly(acquired.connectionId());
    }

    @Test
    void aCheckoutIsReleasedFromTheMomentItWasObtained() throws SQLException {
        new Storefront(agent.pool(shop)).visit(1);

        ConnectionAcquired acquired = onlyEvent(ConnectionAcquired.class);
        ConnectionReleased released = onlyEvent(ConnectionReleased.class);
        assertThat(released.connectionId()).isEqualTo(acquired.connectionId());
        assertThat(released.startNanos()).isEqualTo(acquired.startNanos() + acquired.waitNanos());
    }

    @Test
    void aCheckoutWithoutStatementsIsReleasedToo() throws SQLException {
        agent.pool(shop).getConnection().close();

        ConnectionAcquired acquired = onlyEvent(ConnectionAcquired.class);
        ConnectionReleased released = onlyEvent(ConnectionReleased.class);
        assertThat(released.connectionId()).isEqualTo(acquired.connectionId());
        assertThat(released.statements()).isZero();
        assertThat(released.statementNanos()).isZero();
    }

    @Test
    void aReleaseCarriesTheTimeItsStatementsTook() throws SQLException {
        new Storefront(agent.pool(shop)).visit(1);

        List<StatementExecuted> statements = agent.statements();
        ConnectionReleased released = onlyEvent(ConnectionReleased.class);
        assertThat(released.statements()).isEqualTo(Storefront.STATEMENTS_PER_VISIT);
        assertThat(released.statementNanos()).isPositive()
                .isEqualTo(statements.stream().mapToLong(StatementExecuted::durationNanos).sum());
    }

    @Test
    void statementsNameThePoolTheirConnectionCameFrom() throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop);
        new Storefront(pool).visit(1);

        assertThat(agent.statements()).hasSize(Storefront.STATEMENTS_PER_VISIT)
                .extracting(StatementExecuted::source).containsOnly(pool.getPoolName());
    }

    @Test
    void aDataSourceInFrontOfADataSourceThatIsNoPoolIsOneCheckoutNamedAfterIt() throws SQLException {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(shop.jdbcUrl());
        plain.setUser(shop.user());
        plain.setPassword(shop.password());
        new Storefront(new ForwardingDataSource(plain)).visit(1);

        assertThat(onlyEvent(ConnectionAcquired.class).source()).isEqualTo(ForwardingDataSource.class.getName());
        assertThat(onlyEvent(ConnectionReleased.class).statements()).isEqualTo(Storefront.STATEMENTS_PER_VISIT);
    }

    @Test
    void aDriverManagerConnectionIsNamedAfterItsDriver() throws SQLException {
        try (Connection connection = DriverManager.getConnection(shop.jdbcUrl(), shop.user(), shop.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }

        assertThat(onlyEvent(ConnectionAcquired.class).source()).isEqualTo(org.postgresql.Driver.class.getName());
        assertThat(agent.statements()).singleElement()
                .satisfies(s -> assertThat(s.source()).isEqualTo(org.postgresql.Driver.class.getName()));
        assertThat(onlyEvent(ConnectionReleased.class).statements()).isEqualTo(1);
    }

    @Test
    void aGetConnectionThatTimesOutIsAFailedAcquisitionOfItsPool() throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop, config -> {
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(250);
        });
        try (Connection held = pool.getConnection()) {
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }

        ConnectionAcquireFailed failed = onlyEvent(ConnectionAcquireFailed.class);
        assertThat(failed.source()).isEqualTo(pool.getPoolName());
        assertThat(failed.timedOut()).isTrue();
        assertThat(failed.waitNanos()).isGreaterThanOrEqualTo(250_000_000L);
        assertThat(failed.threadName()).isEqualTo(Thread.currentThread().getName());
    }

    private <T extends CaptureEvent> T onlyEvent(Class<T> type) {
        List<T> events = agent.events(type);
        assertThat(events).as("%s events", type.getSimpleName()).hasSize(1);
        return events.get(0);
    }
}
