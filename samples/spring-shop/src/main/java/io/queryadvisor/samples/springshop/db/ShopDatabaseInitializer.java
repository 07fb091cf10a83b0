package io.queryadvisor.samples.springshop.db;

import org.springframework.boot.autoconfigure.sql.init.SqlDataSourceScriptDatabaseInitializer;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationProperties;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spring's SQL initialisation (db/schema.sql, then db/data.sql), preceded by dropping and creating
 * the shop's schema again, so that every start begins from the same rows and the shop never
 * touches another schema of a shared server. Being a {@link SqlDataSourceScriptDatabaseInitializer},
 * it replaces Spring Boot's own and JPA still waits for it.
 */
public final class ShopDatabaseInitializer extends SqlDataSourceScriptDatabaseInitializer {

    // A plain lower-case identifier: it goes into DDL unquoted, and PostgreSQL folds nothing.
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String schema;

    public ShopDatabaseInitializer(DataSource dataSource, SqlInitializationProperties properties, String schema) {
        super(dataSource, properties);
        problemWith(schema).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Why {@code name} cannot be the shop's schema, if it cannot. */
    public static Optional<String> problemWith(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("schema name '" + name + "' must be a lower-case identifier ([a-z_][a-z0-9_]*, at most 63 characters)");
        }
        if (name.equals("public") || name.equals("information_schema") || name.startsWith("pg_")) {
            // The schema is dropped at start: refuse the ones that hold other people's tables.
            return Optional.of("schema '" + name + "' is dropped and recreated at start; choose one of the shop's own, such as 'spring_shop'");
        }
        return Optional.empty();
    }

    @Override
    public boolean initializeDatabase() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
            checkSearchPath(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate schema " + schema + ": " + e.getMessage(), e);
        }
        return super.initializeDatabase();
    }

    // The scripts' names are unqualified: make sure they land in the shop's schema, nowhere else.
    private void checkSearchPath(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            String current = rs.next() ? rs.getString(1) : null;
            if (!schema.equals(current)) {
                throw new IllegalStateException("the connections' current schema is " + current + ", not " + schema
                        + "; spring.datasource.hikari.schema must name the shop's schema");
            }
        }
    }
}
