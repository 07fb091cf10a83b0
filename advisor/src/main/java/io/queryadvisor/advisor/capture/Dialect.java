package io.queryadvisor.advisor.capture;

import java.util.Locale;

/**
 * The SQL dialect of a database, from the product name its driver reports: what a suggestion
 * must be written in ({@code = ANY(?)} on PostgreSQL, {@code IN (...)} elsewhere).
 */
public enum Dialect {
    POSTGRESQL, MYSQL, H2, OTHER;

    /** The dialect of a product name such as {@code PostgreSQL 15.4} or {@code MariaDB 11.4}. */
    public static Dialect of(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.startsWith("postgres")) {
            return POSTGRESQL;
        }
        if (p.startsWith("mysql") || p.startsWith("mariadb")) {
            return MYSQL;
        }
        if (p.startsWith("h2")) {
            return H2;
        }
        return OTHER;
    }
}
