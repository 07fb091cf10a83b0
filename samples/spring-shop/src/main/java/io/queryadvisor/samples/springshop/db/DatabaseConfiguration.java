package io.queryadvisor.samples.springshop.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The shop's database set-up: its schema recreated and filled at every start. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    ShopDatabaseInitializer shopDatabaseInitializer(DataSource dataSource, SqlInitializationProperties properties,
                                                    @Value("${shop.schema}") String schema) {
        return new ShopDatabaseInitializer(dataSource, properties, schema);
    }
}
