package com.example.undeploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.queryadvisor.capture.jdbc.CapturingConnection;

/**
 * An application loaded in a class loader of its own and dropped afterwards, as an undeployed web
 * application is. It gets connections from its own data source and driver, through the agent's
 * path and through the library's ({@code capturing}), and runs a few statements on each.
 */
public final class UndeployableApp implements Callable<Integer> {

    private final UnaryOperator<DataSource> capturing;

    public UndeployableApp(UnaryOperator<DataSource> capturing) {
        this.capturing = capturing;
    }

    /** Returns the rows read on captured connections. */
    @Override
    public Integer call() throws SQLException {
        String url = "jdbc:h2:mem:undeploy";
        int rows = work(new AppDataSource(url, true), "agent_path");
        return rows + work(capturing.apply(new AppDataSource(url, false)), "library_path");
    }

    private static int work(DataSource dataSource, String table) throws SQLException {
        int rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            if (!(connection instanceof CapturingConnection)) {
                return 0;
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE " + table + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 40; i++) {
                    insert.setString(1, "n" + i);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
                for (int id = 1; id <= 40; id++) {
                    select.setInt(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
            }
            connection.getMetaData().getDatabaseProductName();
        }
        return rows;
    }
}
