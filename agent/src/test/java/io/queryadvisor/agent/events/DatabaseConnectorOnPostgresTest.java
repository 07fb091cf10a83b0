package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.probe.DatabaseConnector;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.capture.jdbc.CapturingConnection;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestSchema;

/**
 * The database probe's way to a database the application uses: learnt from the pool's own driver
 * connects, opening a connection of its own, never one of the pool's, never captured.
 */
class DatabaseConnectorOnPostgresTest {

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(DatabaseConnectorOnPostgresTest.class);
    }

    @Test
    void theIdentifiedDatabaseComesWithAConnectorThatOpensAConnectionOutsideThePool() throws SQLException {
        HikariDataSource pool = (HikariDataSource) agent.pool(shop);
        pool.getConnection().close();
        DatabaseConnector connector = identified().connector();
        assertThat(connector).as("connector of %s", pool.getPoolName()).isNotNull();

        try (Connection first = pool.getConnection(); Connection second = pool.getConnection();
             Connection own = connector.open()) {
            assertThat(own).isNotInstanceOf(CapturingConnection.class);
            assertThat(backendPid(own)).isNotIn(backendPid(first), backendPid(second));
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(2);
        }
    }

    @Test
    void whatRunsOnTheConnectorsConnectionIsNotCaptured() throws SQLException {
        agent.pool(shop).getConnection().close();

        try (Connection own = identified().connector().open()) {
            backendPid(own);
        }
        assertThat(agent.statements()).isEmpty();
    }

    @Test
    void theConnectorsConnectionIsInTheSchemaThePoolMovesItsConnectionsInto() throws SQLException {
        // the schema in HikariCP's setting alone, as spring.datasource.hikari.schema puts it: not in the URL
        agent.pool(shop, config -> {
            config.setJdbcUrl(TestDatabase.shared().jdbcUrl());
            config.setSchema(shop.name());
        }).getConnection().close();

        try (Connection own = identified().connector().open(); Statement statement = own.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(shop.name());
        }
    }

    private DatabaseIdentified identified() {
        return agent.events(DatabaseIdentified.class).get(0);
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
