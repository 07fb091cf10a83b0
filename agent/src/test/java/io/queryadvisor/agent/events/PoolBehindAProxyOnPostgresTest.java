package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.example.infra.ForwardingDataSource;
import com.example.shop.Storefront;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionAcquireFailed;
import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.testing.Eventually;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * A HikariCP pool that the application hands out wrapped, as Spring's data-source proxies,
 * datasource-proxy and an application's own routing data sources wrap it: each checkout is one
 * checkout of the pool, named after it, and the pool is sampled once.
 */
class PoolBehindAProxyOnPostgresTest {

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(PoolBehindAProxyOnPostgresTest.class);
    }

    /** The wrappers an application hands its pool out in, each as it wraps the pool. */
    static Stream<Named<UnaryOperator<DataSource>>> proxies() {
        return Stream.of(
                wrapper("Spring's DelegatingDataSource", DelegatingDataSource::new),
                wrapper("Spring's LazyConnectionDataSourceProxy", PoolBehindAProxyOnPostgresTest::lazy),
                wrapper("Spring's TransactionAwareDataSourceProxy", TransactionAwareDataSourceProxy::new),
                wrapper("datasource-proxy's ProxyDataSource", pool -> ProxyDataSourceBuilder.create(pool).build()),
                wrapper("two of the application's own", pool -> new ForwardingDataSource(new ForwardingDataSource(pool))));
    }

    private static Named<UnaryOperator<DataSource>> wrapper(String name, UnaryOperator<DataSource> wrap) {
        return Named.of(name, wrap);
    }

    @ParameterizedTest
    @MethodSource("proxies")
    void aCheckoutThroughAProxyIsOneCheckoutOfThePoolNamedAfterIt(UnaryOperator<DataSource> proxy) throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop);
        new Storefront(proxy.apply(pool)).visit(1);

        ConnectionAcquired acquired = onlyEvent(ConnectionAcquired.class);
        ConnectionReleased released = onlyEvent(ConnectionReleased.class);
        assertThat(acquired.source()).isEqualTo(pool.getPoolName());
        assertThat(released.connectionId()).isEqualTo(acquired.connectionId());
        assertThat(released.statements()).isEqualTo(Storefront.STATEMENTS_PER_VISIT);
        assertThat(agent.statements()).hasSize(Storefront.STATEMENTS_PER_VISIT)
                .extracting(StatementExecuted::source).containsOnly(pool.getPoolName());
    }

    @Test
    void aLazyConnectionNeverUsedIsNoCheckout() throws SQLException {
        DataSource lazy = lazy(agent.pool(shop));
        try (Connection unused = lazy.getConnection()) {
            unused.setAutoCommit(true); // the proxy answers this itself: the pool is not asked
        }

        assertThat(agent.events(ConnectionAcquired.class)).isEmpty();
        assertThat(agent.events(ConnectionReleased.class)).isEmpty();
    }

    @Test
    void aTimeoutThroughAProxyIsAFailedAcquisitionOfThePool() throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop, config -> {
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(250);
        });
        DataSource proxy = new DelegatingDataSource(pool);
        try (Connection held = proxy.getConnection()) {
            assertThatThrownBy(proxy::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }

        assertThat(onlyEvent(ConnectionAcquireFailed.class).source()).isEqualTo(pool.getPoolName());
    }

    @Test
    void thePoolBehindAProxyIsSampledOnceUnderItsName() throws Exception {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop);
        DataSource proxy = new DelegatingDataSource(pool);
        new Storefront(proxy).visit(1);
        new Storefront(pool).visit(2);

        Eventually.get(() -> agent.pools().pool(pool.getPoolName()), view -> view != null && view.sampled(),
                "the pool sampled");

        assertThat(agent.pools().pools()).extracting(PoolView::name).containsExactly(pool.getPoolName());
        assertThat(ConnectionWrapping.capture().poolsWatched()).isEqualTo(1);
        assertThat(agent.pools().pool(pool.getPoolName()).acquire().count()).isEqualTo(2);
    }

    /** Spring's lazy proxy, told the connections' defaults so that it does not ask the pool for them. */
    private static DataSource lazy(DataSource pool) {
        LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy();
        lazy.setTargetDataSource(pool);
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        lazy.afterPropertiesSet();
        return lazy;
    }

    private <T extends CaptureEvent> T onlyEvent(Class<T> type) {
        List<T> events = agent.events(type);
        assertThat(events).as("%s events", type.getSimpleName()).hasSize(1);
        return events.get(0);
    }
}
