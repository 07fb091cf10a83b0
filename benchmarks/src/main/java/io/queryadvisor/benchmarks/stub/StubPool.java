package io.queryadvisor.benchmarks.stub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A HikariCP pool over the stub driver, configured alike for every variant and the agent check. */
public final class StubPool {

    private StubPool() {
    }

    public static HikariDataSource start(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDriverClassName(StubDriver.class.getName());
        config.setJdbcUrl(StubDriver.URL + name);
        // One thread borrows one connection at a time; a second one is there so the pool never waits.
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }
}
