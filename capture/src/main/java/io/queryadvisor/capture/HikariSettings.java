package io.queryadvisor.capture;

/**
 * A HikariCP data source's configuration, read through its public getters by reflection: the
 * capture library does not depend on HikariCP. Read once per data source, never per checkout.
 */
final class HikariSettings {

    private static final String HIKARI_CONFIG = "com.zaxxer.hikari.HikariConfig";

    private HikariSettings() {
    }

    /** Whether {@code dataSource} is a HikariCP pool ({@code HikariDataSource} extends {@code HikariConfig}). */
    static boolean isHikari(Object dataSource) {
        for (Class<?> c = dataSource.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(HIKARI_CONFIG)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a HikariCP getter, e.g. {@code getJdbcUrl}. */
    static Object get(Object hikari, String getter) throws ReflectiveOperationException {
        return hikari.getClass().getMethod(getter).invoke(hikari);
    }

    /**
     * The schema a HikariCP pool moves each new connection into ({@code setSchema} after the driver
     * connected: Spring Boot's {@code spring.datasource.hikari.schema}), or {@code null} for none, or
     * for another data source. The driver never sees it, so a connection opened with the pool's URL
     * alone is in another schema. Read from the configuration, never from a connection: asking a
     * PostgreSQL connection its schema runs a query, which outside auto-commit opens a transaction on
     * the application's connection. Never throws.
     */
    static String schemaOf(Object dataSource) {
        if (!isHikari(dataSource)) {
            return null;
        }
        try {
            return get(dataSource, "getSchema") instanceof String schema && !schema.isBlank() ? schema : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            CaptureLog.warnOnce("hikari-schema", "could not read the schema of " + dataSource.getClass().getName()
                    + "; the database probe looks for its tables in the database's default schema", e);
            return null;
        }
    }
}
