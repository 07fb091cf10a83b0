package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;
import io.queryadvisor.testing.TestDatabase;

/** A value bound through a capturing statement meets the driver exactly as it would without capture. */
class BindValuesOnPostgresTest {

    private final Capture capture = new Capture(new CaptureBuffer(1024), CaptureConfig.defaults());

    @Test
    void aValueWhoseHashCodeThrowsBehavesAsWithoutCapture() throws SQLException {
        Object value = new BindValuesTest.HashCodeThrows();

        assertThat(outcomeCaptured(value)).isEqualTo(outcomeUncaptured(value)).startsWith("org.postgresql");
    }

    @Test
    void aListContainingItselfBehavesAsWithoutCapture() throws SQLException {
        List<Object> value = new ArrayList<>();
        value.add(value);

        assertThat(outcomeCaptured(value)).isEqualTo(outcomeUncaptured(value)).startsWith("org.postgresql");
    }

    private String outcomeUncaptured(Object value) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect()) {
            return outcome(connection, value);
        }
    }

    private String outcomeCaptured(Object value) throws SQLException {
        try (Connection connection = Checkouts.checkedOut(capture, new ConnectionSource("postgres", null),
                TestDatabase.shared().connect(), System.nanoTime())) {
            assertThat(connection).isInstanceOf(CapturingConnection.class);
            return outcome(connection, value);
        }
    }

    /** What the application sees: the row read, or the exception's class and message. */
    private static String outcome(Connection connection, Object value) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?::text")) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return "row " + rows.getString(1);
            }
        } catch (SQLException | RuntimeException | StackOverflowError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
