package io.queryadvisor.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.queryadvisor.advisor.capture.ConnectionAcquired;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.TransactionEnded;
import io.queryadvisor.agent.rules.AgentUnderTest;
import io.queryadvisor.testing.ShopDatabase;
import io.queryadvisor.testing.TestSchema;

/** Transactions on PostgreSQL through HikariCP, as the agent tells their end. */
class TransactionEventsOnPostgresTest {

    private static final String UPDATE = "UPDATE products SET stock = stock WHERE id = 1";

    private static TestSchema shop;

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.withDefaults();

    @BeforeAll
    static void createShop() throws SQLException {
        shop = ShopDatabase.freshFor(TransactionEventsOnPostgresTest.class);
    }

    @Test
    void aCommitEndsTheTransactionWithTheStatementsRunInIt() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection()) {
            connection.setAutoCommit(false);
            update(connection, 2);
            connection.commit();
            connection.setAutoCommit(true);
        }

        TransactionEnded ended = onlyTransaction();
        assertThat(ended.committed()).isTrue();
        assertThat(ended.statements()).isEqualTo(2);
        assertThat(agent.statements()).extracting(StatementExecuted::transactionId)
                .containsOnly(ended.transactionId());
        assertThat(ended.connectionId()).isEqualTo(agent.statements().get(0).connectionId());
    }

    @Test
    void aRollbackEndsTheTransactionUncommitted() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection()) {
            connection.setAutoCommit(false);
            update(connection, 1);
            connection.rollback();
            connection.setAutoCommit(true);
        }

        TransactionEnded ended = onlyTransaction();
        assertThat(ended.committed()).isFalse();
        assertThat(ended.statements()).isEqualTo(1);
    }

    @Test
    void switchingAutoCommitBackOnCommitsTheOpenTransaction() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection()) {
            connection.setAutoCommit(false);
            update(connection, 3);
            connection.setAutoCommit(true);
        }

        TransactionEnded ended = onlyTransaction();
        assertThat(ended.committed()).isTrue();
        assertThat(ended.statements()).isEqualTo(3);
    }

    @Test
    void aCommitInAutoCommitModeEndsNoTransaction() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection()) {
            update(connection, 1);
            // PostgreSQL's driver refuses it; whether a driver does or not, no transaction was open
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class);
        }

        assertThat(agent.statements()).hasSize(1);
        assertThat(agent.events(TransactionEnded.class)).isEmpty();
    }

    @Test
    void aTransactionTheConnectionIsHandedOutInBeginsAtTheCheckout() throws SQLException {
        try (Connection connection = agent.pool(shop, config -> config.setAutoCommit(false)).getConnection()) {
            update(connection, 2);
            connection.commit();
        }

        ConnectionAcquired acquired = agent.events(ConnectionAcquired.class).get(0);
        TransactionEnded ended = onlyTransaction();
        assertThat(ended.startNanos()).isEqualTo(acquired.startNanos() + acquired.waitNanos());
        assertThat(ended.statements()).isEqualTo(2);
        assertThat(ended.committed()).isTrue();
    }

    @Test
    void eachTransactionOnAConnectionEndsOnceWithItsOwnStatements() throws SQLException {
        try (Connection connection = agent.pool(shop).getConnection()) {
            connection.setAutoCommit(false);
            update(connection, 1);
            connection.commit();
            update(connection, 2);
            connection.commit();
            connection.setAutoCommit(true);
        }

        List<TransactionEnded> ended = agent.events(TransactionEnded.class);
        assertThat(ended).extracting(TransactionEnded::statements).containsExactly(1, 2);
        assertThat(ended.get(1).transactionId()).isNotEqualTo(ended.get(0).transactionId());
        assertThat(ended.get(1).startNanos()).isEqualTo(ended.get(0).startNanos() + ended.get(0).durationNanos());
    }

    private static void update(Connection connection, int times) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < times; i++) {
                statement.executeUpdate(UPDATE);
            }
        }
    }

    private TransactionEnded onlyTransaction() {
        List<TransactionEnded> ended = agent.events(TransactionEnded.class);
        assertThat(ended).hasSize(1);
        return ended.get(0);
    }
}
