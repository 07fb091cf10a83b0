package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.h2.Driver;
import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.DatabaseConnector;

/** The database probe's way in: how a driver was seen connecting, replayed. */
class DriverConnectorTest {

    private static final String URL = "jdbc:h2:mem:driver-connector;DB_CLOSE_DELAY=-1";

    @Test
    void opensANewConnectionAsTheDriverWasSeenConnecting() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        DriverConnections.connected(new Driver(), URL, properties);

        DatabaseConnector connector = DriverConnections.forUrl(URL);
        try (Connection connection = connector.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 42")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void keepsACopyOfThePropertiesThatLaterChangesDoNotReach() throws SQLException {
        String url = URL + ";IFEXISTS=FALSE";
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        DriverConnections.connected(new Driver(), url, properties);
        properties.setProperty("user", "someone-else");

        assertThat(DriverConnections.forUrl(url)).hasToString("org.h2.Driver to " + url + " as sa");
    }

    @Test
    void neverShowsASecret() {
        String url = "jdbc:postgresql://db:5432/shop?user=app&password=url-secret";
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "property-secret");
        DriverConnections.connected(new Driver(), url, properties);

        assertThat(DriverConnections.forUrl(url).toString()).doesNotContain("secret").contains("db:5432/shop", "app");
    }

    @Test
    void knowsNothingOfAUrlNoDriverConnectedTo() {
        assertThat(DriverConnections.forUrl("jdbc:h2:mem:never-seen")).isNull();
    }
}
