package io.queryadvisor.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells application frames from infrastructure: the JDK, Query Advisor itself, JDBC drivers,
 * pools, and the data-access frameworks between them. The first frame that is none of these is
 * the call site a developer can act on.
 */
public final class CallSiteFilter {

    /** Prefixes skipped by default; {@code callSite.exclude} adds to them. */
    public static final List<String> DEFAULT_EXCLUDED = List.of(
            "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "io.queryadvisor.agent.", "io.queryadvisor.capture.", "io.queryadvisor.advisor.", "io.queryadvisor.dashboard.",
            "io.queryadvisor.shaded.",
            // drivers
            "org.postgresql.", "com.mysql.", "org.mariadb.", "org.h2.", "org.hsqldb.", "org.apache.derby.", "org.sqlite.",
            "oracle.jdbc.", "com.microsoft.sqlserver.", "com.ibm.db2.", "net.sourceforge.jtds.",
            // pools and proxies
            "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.commons.pool2.", "org.apache.tomcat.",
            "com.mchange.", "io.agroal.", "oracle.ucp.", "org.vibur.", "com.alibaba.druid.", "net.ttddyy.dsproxy.",
            "com.p6spy.", "net.bytebuddy.",
            // data-access frameworks: the caller of the framework is the one to fix
            "org.springframework.", "org.hibernate.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.", "org.jdbi.",
            "org.eclipse.persistence.", "org.apache.catalina.", "org.eclipse.jetty.", "io.undertow.", "org.jboss.",
            "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.");

    private final String[] excluded;

    public CallSiteFilter(List<String> extraExcluded) {
        List<String> all = new ArrayList<>(DEFAULT_EXCLUDED);
        all.addAll(extraExcluded);
        this.excluded = all.toArray(new String[0]);
    }

    /** Whether a frame of {@code className} is the application's own. */
    public boolean isApplicationFrame(String className) {
        for (String prefix : excluded) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        // Generated proxies and lambdas' hidden classes are never what a developer edits.
        return !className.contains("$$") && !className.startsWith("$Proxy") && !className.contains(".$Proxy");
    }
}
