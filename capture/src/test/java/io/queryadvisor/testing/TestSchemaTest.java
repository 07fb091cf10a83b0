package io.queryadvisor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestSchemaTest {

    @Test
    void unqualifiedTablesLandInTheFreshSchema() throws SQLException {
        TestSchema schema = TestDatabase.shared().freshSchema(TestSchemaTest.class);

        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id INT)");
            try (ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(schema.name());
            }
        }
        assertThat(tablesIn(schema)).isEqualTo(1);
    }

    @Test
    void aSecondRequestStartsEmpty() throws SQLException {
        TestSchema first = TestDatabase.shared().freshSchema("schema-reuse");
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE leftover (id INT)");
        }

        TestSchema second = TestDatabase.shared().freshSchema("schema-reuse");

        assertThat(second.name()).isEqualTo(first.name());
        assertThat(tablesIn(second)).isZero();
    }

    @Test
    void schemasOfDifferentNamesDoNotSeeEachOther() throws SQLException {
        TestSchema left = TestDatabase.shared().freshSchema("isolation-left");
        TestSchema right = TestDatabase.shared().freshSchema("isolation-right");
        try (Connection connection = left.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_left (id INT)");
        }

        assertThat(tablesIn(left)).isEqualTo(1);
        assertThat(tablesIn(right)).isZero();
    }

    private static int tablesIn(TestSchema schema) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, schema.name());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
