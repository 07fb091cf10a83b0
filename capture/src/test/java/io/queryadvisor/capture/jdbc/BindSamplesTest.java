package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;

/**
 * Bind samples: the values of a few executions of each SQL text, copied so that a plan can be
 * explained with real values; every other execution carries none.
 */
class BindSamplesTest {

    private static final String SQL = "SELECT name FROM item WHERE id = ?";

    private final CaptureBuffer buffer = new CaptureBuffer(4096);
    private Connection raw;
    private Connection connection;

    @AfterEach
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void theFirstThreeExecutionsOfATextCarryTheirValues() throws SQLException {
        open(Map.of());
        for (int id = 1; id <= 5; id++) {
            query(id);
        }

        assertThat(samples()).containsExactly(List.of(1), List.of(2), List.of(3), null, null);
    }

    @Test
    void afterTheFirstThreeOneExecutionInOneThousandAndTwentyFourCarriesItsValues() throws SQLException {
        open(Map.of());
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            for (int id = 0; id < 2049; id++) {
                statement.setInt(1, id);
                statement.executeQuery().close();
            }
        }

        List<List<Object>> samples = samples();
        assertThat(IntStream.range(0, samples.size()).filter(i -> samples.get(i) != null).boxed().toList())
                .containsExactly(0, 1, 2, 1024, 2048);
        assertThat(samples.get(1024)).containsExactly(1024);
    }

    @Test
    void valuesOfUnknownTypesAreNotCopied() throws SQLException {
        open(Map.of());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM item WHERE id = ? AND name <> ? AND price < ?")) {
            statement.setInt(1, 1);
            statement.setObject(2, new StringBuilder("x"));
            statement.setBigDecimal(3, new BigDecimal("99.5"));
            statement.executeQuery().close();
        }

        assertThat(samples()).singleElement().isEqualTo(Arrays.asList(1, null, new BigDecimal("99.5")));
    }

    @Test
    void aSampleCarriesTheValuesBoundBeforeItsExecutionOnly() throws SQLException {
        open(Map.of());
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, 7);
            statement.executeQuery().close();
            statement.executeQuery().close(); // the value bound for the first execution is still bound
        }

        assertThat(samples()).containsExactly(List.of(7), List.of(7));
    }

    @Test
    void bindSamplesCanBeSwitchedOff() throws SQLException {
        open(Map.of("capture.bindSamples", "false"));
        for (int id = 1; id <= 3; id++) {
            query(id);
        }

        assertThat(samples()).containsExactly(null, null, null);
    }

    private void open(Map<String, String> settings) throws SQLException {
        raw = DriverManager.getConnection("jdbc:h2:mem:bind-samples;DB_CLOSE_DELAY=-1");
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS item (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(10, 2))");
        }
        Capture capture = new Capture(buffer, CaptureConfig.from(Settings.fromStrings(settings, "test")));
        connection = Checkouts.checkedOut(capture, new ConnectionSource("h2", null), raw, System.nanoTime());
    }

    /** One execution of {@link #SQL} on a statement of its own, as an N+1 loop runs it. */
    private void query(int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }

    /** Each execution's bind sample, as a list, or null when it has none; in execution order. */
    private List<List<Object>> samples() {
        List<List<Object>> samples = new ArrayList<>();
        buffer.drain(e -> {
            if (e instanceof StatementExecuted s) {
                samples.add(s.bindValues() == null ? null : Arrays.asList(s.bindValues()));
            }
        }, 10_000);
        return samples;
    }
}
