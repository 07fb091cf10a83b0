package io.queryadvisor.advisor.report;

import java.util.List;

/**
 * What ran: the application, its JVM and the databases it talked to.
 *
 * @param name      the application's name ({@code queryadvisor.application.name}, else the main class)
 * @param jvm       vendor and version of the JVM
 * @param databases each data source the capture layer identified
 */
public record ApplicationInfo(String name, String jvm, List<DatabaseInfo> databases) {

    public ApplicationInfo {
        databases = List.copyOf(databases);
    }

    /**
     * @param source  pool name or data-source / driver class
     * @param product database product and version
     * @param driver  JDBC driver and version
     * @param url     JDBC URL without credentials
     */
    public record DatabaseInfo(String source, String product, String driver, String url) {
    }
}
