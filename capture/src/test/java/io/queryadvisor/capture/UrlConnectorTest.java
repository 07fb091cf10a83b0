package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** How a data source the application wraps itself connects, for the database probe. */
class UrlConnectorTest {

    @Test
    void aHikariPoolConnectsWithItsUrlAndCredentialsAndNeverShowsThePassword() {
        try (HikariDataSource pool = new HikariDataSource()) { // not started: configured only
            pool.setJdbcUrl("jdbc:postgresql://db:5432/shop");
            pool.setUsername("app");
            pool.setPassword("s3cret");

            assertThat(UrlConnector.ofHikari(pool)).hasToString("DriverManager to jdbc:postgresql://db:5432/shop as app");
        }
    }

    @Test
    void aHikariPoolConfiguredWithADataSourceClassHasNoConnector() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setDataSourceClassName(PGSimpleDataSource.class.getName());

            assertThat(UrlConnector.ofHikari(pool)).isNull();
        }
    }

    @Test
    void anyOtherDataSourceHasNoConnector() {
        assertThat(UrlConnector.ofHikari(new PGSimpleDataSource())).isNull();
    }
}
