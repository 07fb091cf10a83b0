package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.CaptureContext;
import io.queryadvisor.capture.ConnectionSource;

/**
 * A driver may throw a checked exception its method does not declare (bytecode allows it; some
 * drivers and proxies do): the application gets it unchanged, and capture goes on on that thread.
 */
class UndeclaredExceptionTest {

    private final CaptureBuffer buffer = new CaptureBuffer(1024);
    private final StubJdbc driver = new StubJdbc();
    private final Connection connection = Checkouts.checkedOut(new Capture(buffer, CaptureConfig.defaults()),
            new ConnectionSource("stub", null), driver.connection, System.nanoTime());

    @Test
    void aQueryThrowingAnUndeclaredCheckedExceptionLeavesCaptureOnForTheThread() throws Exception {
        Statement statement = connection.createStatement();
        driver.executeFailure = new IOException("connection reset");
        assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isSameAs(driver.executeFailure);
        driver.executeFailure = null;
        statement.executeQuery("SELECT 2").close();

        assertThat(CaptureContext.current().executing).isFalse();
        assertThat(statements()).extracting(StatementExecuted::sql, StatementExecuted::error)
                .containsExactly(tuple("SELECT 1", "java.io.IOException"),
                        tuple("SELECT 2", null));
    }

    @Test
    void aBatchThrowingAnUndeclaredCheckedExceptionLeavesCaptureOnForTheThread() throws Exception {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)");
        insert.setInt(1, 1);
        insert.addBatch();
        driver.executeFailure = new IOException("connection reset");
        assertThatThrownBy(insert::executeBatch).isSameAs(driver.executeFailure);
        driver.executeFailure = null;
        insert.executeUpdate();

        assertThat(CaptureContext.current().executing).isFalse();
        assertThat(statements()).extracting(StatementExecuted::error).containsExactly("java.io.IOException", null);
    }

    private List<StatementExecuted> statements() {
        List<StatementExecuted> out = new ArrayList<>();
        buffer.drain(e -> {
            if (e instanceof StatementExecuted s) {
                out.add(s);
            }
        }, 10_000);
        return out;
    }
}
