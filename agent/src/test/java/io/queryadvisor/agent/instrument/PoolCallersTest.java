package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolCallersTest {

    @Test
    void recognisesPoolPackages() {
        assertThat(PoolCallers.isPoolClass("com.zaxxer.hikari.pool.PoolBase")).isTrue();
        assertThat(PoolCallers.isPoolClass("org.apache.commons.dbcp2.BasicDataSource")).isTrue();
        assertThat(PoolCallers.isPoolClass("com.mchange.v2.c3p0.ComboPooledDataSource")).isTrue();
    }

    @Test
    void applicationCodeIsNotAPool() {
        assertThat(PoolCallers.isPoolClass("com.example.shop.OrderRepository")).isFalse();
        assertThat(PoolCallers.isPoolClass("org.postgresql.ds.PGSimpleDataSource")).isFalse();
    }

    @Test
    void aConnectionOpenedFromTestCodeIsNotOpenedByAPool() {
        assertThat(PoolCallers.openedByPool()).isFalse();
    }
}
