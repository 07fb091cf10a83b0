package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/** Which connections handed out are handles still without a connection. */
class LazyConnectionHandlesTest {

    @Test
    void springsLazyProxyHandsOutAHandle() throws Exception {
        LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy();
        lazy.setTargetDataSource(new org.h2.jdbcx.JdbcDataSource());
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        lazy.afterPropertiesSet();

        assertThat(LazyConnectionHandles.isHandle(lazy, lazy.getConnection())).isTrue();
    }

    @Test
    void aJdkProxyOfAnotherKindIsNoHandle() {
        Connection proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> null);

        assertThat(LazyConnectionHandles.isHandle(new Object(), proxy)).isFalse();
    }
}
