package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.FetchSizeSet;
import io.queryadvisor.advisor.capture.QueryTimeoutSet;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/** What an application asks of its statements (a timeout, a fetch size), as the agent sees it on PostgreSQL. */
class StatementSettingsOnPostgresTest {

    private static final String SQL = "SELECT name FROM products WHERE id = ?";

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(StatementSettingsOnPostgresTest.class);
    }

    @Test
    void aQueryTimeoutIsToldWithItsStatementsSql() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setQueryTimeout(5);
        }

        assertThat(agent.events(QueryTimeoutSet.class)).singleElement().satisfies(set -> {
            assertThat(set.sql()).isEqualTo(SQL);
            assertThat(set.timeoutSeconds()).isEqualTo(5);
            assertThat(set.connectionId()).isEqualTo(checkout());
        });
    }

    @Test
    void aFetchSizeIsToldWithItsStatementsSql() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setFetchSize(100);
        }

        assertThat(agent.events(FetchSizeSet.class)).singleElement().satisfies(set -> {
            assertThat(set.sql()).isEqualTo(SQL);
            assertThat(set.fetchSize()).isEqualTo(100);
            assertThat(set.connectionId()).isEqualTo(checkout());
        });
    }

    @Test
    void onAPlainStatementNoSqlIsKnownYet() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.setFetchSize(50);
        }

        assertThat(agent.events(QueryTimeoutSet.class)).singleElement().satisfies(set -> assertThat(set.sql()).isNull());
        assertThat(agent.events(FetchSizeSet.class)).singleElement().satisfies(set -> assertThat(set.sql()).isNull());
    }

    private long checkout() {
        return agent.events(ConnectionAcquired.class).get(0).connectionId();
    }
}
