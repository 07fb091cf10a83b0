package io.queryadvisor.capture.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.ConnectionSource;
import io.queryadvisor.testing.TestDatabase;
import io.queryadvisor.testing.TestMariaDb;

/**
 * What JDBC promises about the objects it hands out holds with capture as without it, on the real
 * PostgreSQL and MariaDB: a result set's statement, metadata's connection, {@code unwrap} and
 * {@code isWrapperFor}.
 */
class JdbcContractTest {

    /** Interfaces asked of every object: the JDBC ones, the vendors', the most general and one nothing is. */
    private static final List<Class<?>> ASKED = List.of(Connection.class, Statement.class, PreparedStatement.class,
            CallableStatement.class, ResultSet.class, DatabaseMetaData.class, Wrapper.class, AutoCloseable.class,
            Object.class, String.class, org.postgresql.PGConnection.class, org.postgresql.PGStatement.class,
            org.mariadb.jdbc.Connection.class, org.mariadb.jdbc.Statement.class);

    /** A database to run against, named for the report. */
    interface Database {
        Connection connect() throws SQLException;
    }

    static Stream<Database> databases() {
        Database postgres = new Database() {
            @Override
            public Connection connect() throws SQLException {
                return TestDatabase.shared().connect();
            }

            @Override
            public String toString() {
                return "PostgreSQL";
            }
        };
        Database mariaDb = new Database() {
            @Override
            public Connection connect() throws SQLException {
                TestMariaDb db = TestMariaDb.shared();
                Properties login = new Properties();
                login.setProperty("user", db.user());
                login.setProperty("password", db.password());
                login.setProperty("allowMultiQueries", "true"); // two result sets from one execute
                return DriverManager.getConnection(db.jdbcUrl(), login);
            }

            @Override
            public String toString() {
                return "MariaDB";
            }
        };
        return Stream.of(postgres, mariaDb);
    }

    private final Capture capture = new Capture(new CaptureBuffer(1024), CaptureConfig.defaults());

    private Connection captured(Connection raw) {
        return Checkouts.checkedOut(capture, new ConnectionSource("contract", null), raw, System.nanoTime());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void generatedKeysBelongToTheApplicationsStatement(Database database) throws SQLException {
        try (Connection connection = captured(database.connect())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE contract_keys (id " + serial(connection) + ", name VARCHAR(20))");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO contract_keys (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "a");
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getStatement()).isSameAs(insert);
                }
            }
            try (Statement insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO contract_keys (name) VALUES ('b')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.getStatement()).isSameAs(insert);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyResultSetOfAnExecutionBelongsToTheApplicationsStatement(Database database) throws SQLException {
        try (Connection connection = captured(database.connect());
             Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1; SELECT 2")).isTrue();
            try (ResultSet first = statement.getResultSet()) {
                assertThat(first.getStatement()).isSameAs(statement);
            }
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet second = statement.getResultSet()) {
                assertThat(second.next()).isTrue();
                assertThat(second.getInt(1)).isEqualTo(2);
                assertThat(second.getStatement()).isSameAs(statement);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void metaDataAnswersWithTheApplicationsConnection(Database database) throws SQLException {
        try (Connection connection = captured(database.connect())) {
            DatabaseMetaData metaData = connection.getMetaData();

            assertThat(metaData.getConnection()).isSameAs(connection);
            assertThat(metaData.getDatabaseProductName()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unwrapAndIsWrapperForAnswerAsWithoutCapture(Database database) throws SQLException {
        try (Connection raw = database.connect(); Connection connection = captured(database.connect());
             Statement rawStatement = raw.createStatement(); Statement statement = connection.createStatement();
             PreparedStatement rawPrepared = raw.prepareStatement("SELECT 1");
             PreparedStatement prepared = connection.prepareStatement("SELECT 1");
             ResultSet rawRows = rawPrepared.executeQuery(); ResultSet rows = prepared.executeQuery()) {
            assertAnswersAlike(raw, connection);
            assertAnswersAlike(rawStatement, statement);
            assertAnswersAlike(rawPrepared, prepared);
            assertAnswersAlike(rawRows, rows);
            assertAnswersAlike(raw.getMetaData(), connection.getMetaData());
        }
    }

    /**
     * The wrapper is a wrapper for exactly what the driver's object is; it unwraps to itself for
     * what it implements (keeping the application on the captured path) and to what the driver
     * answers, of the same class, for everything else; and it fails where the driver fails.
     */
    private static void assertAnswersAlike(Wrapper raw, Wrapper wrapper) throws SQLException {
        for (Class<?> iface : ASKED) {
            assertThat(wrapper.isWrapperFor(iface)).as("isWrapperFor(%s)", iface.getName())
                    .isEqualTo(raw.isWrapperFor(iface));
            Object expected = unwrapOrNull(raw, iface);
            Object actual = unwrapOrNull(wrapper, iface);
            if (expected == null) {
                assertThat(actual).as("unwrap(%s)", iface.getName()).isNull();
            } else if (iface.isInstance(wrapper)) {
                assertThat(actual).as("unwrap(%s)", iface.getName()).isSameAs(wrapper);
            } else {
                assertThat(actual).as("unwrap(%s)", iface.getName()).isInstanceOf(expected.getClass());
            }
        }
    }

    private static Object unwrapOrNull(Wrapper wrapper, Class<?> iface) {
        try {
            return wrapper.unwrap(iface);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String serial(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")
                ? "SERIAL PRIMARY KEY" : "INT AUTO_INCREMENT PRIMARY KEY";
    }
}
