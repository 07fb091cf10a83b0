package io.queryadvisor.capture;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the application's own frames from everything else, deciding once per class.
 *
 * <p>A class is the application's when its code source is ({@link ApplicationCodeSource}: a
 * classes directory, {@code BOOT-INF/classes}, {@code WEB-INF/classes}, the main jar), whatever its
 * package: the framework's own sample applications live under {@code org.springframework.}. Then,
 * in this order:
 * <ol>
 *   <li>a class under a {@code callSite.include} prefix is the application's, always;</li>
 *   <li>generated classes (JDK and CGLIB proxies, Hibernate and Byte Buddy proxies, lambdas' and
 *       reflection's hidden classes) never are: nobody edits them;</li>
 *   <li>the JDK, Query Advisor, JDBC drivers and pools are plumbing: never a call site, and not
 *       worth naming when there is none;</li>
 *   <li>a narrow fallback list (a framework's data-access, AOP, transaction and dispatch packages,
 *       plus {@code callSite.exclude}) is framework code even when it sits in the application's
 *       jar (a shaded uber-jar) — never a whole vendor namespace.</li>
 * </ol>
 * Framework and library frames are still {@linkplain FrameKind#MEANINGFUL meaningful}: when a
 * statement has no application frame at all, the nearest of them is named instead.
 */
public final class CallSiteFilter {

    /** What a frame's class is to a developer looking for the code to change. */
    public enum FrameKind {
        /** The application's own code: a call site. */
        APPLICATION,
        /** A library or framework: no call site, but worth naming when there is no application frame. */
        MEANINGFUL,
        /** The JDK, the agent, drivers, pools, generated classes: never shown. */
        PLUMBING
    }

    /** The JDK, Query Advisor itself, JDBC drivers, pools and proxy generators: never a call site. */
    public static final List<String> PLUMBING = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.queryadvisor.agent.", "io.queryadvisor.capture.", "io.queryadvisor.advisor.", "io.queryadvisor.dashboard.",
            "io.queryadvisor.shaded.",
            // drivers
            "org.postgresql.", "com.mysql.", "org.mariadb.", "org.h2.", "org.hsqldb.", "org.apache.derby.", "org.sqlite.",
            "oracle.jdbc.", "com.microsoft.sqlserver.", "com.ibm.db2.", "net.sourceforge.jtds.",
            // pools and proxies
            "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.commons.pool2.", "org.apache.tomcat.jdbc.",
            "com.mchange.", "io.agroal.", "oracle.ucp.", "org.vibur.", "com.alibaba.druid.", "net.ttddyy.dsproxy.",
            "com.p6spy.", "net.bytebuddy.");

    /**
     * Framework packages that are never a call site even when the code source says "application"
     * (a shaded jar carries the framework in the application's own jar): data access, AOP,
     * transactions, dispatch, a launcher. Deliberately narrow: an application may live under a
     * framework vendor's namespace ({@code org.springframework.samples.petclinic}).
     */
    public static final List<String> FRAMEWORK_FALLBACK = List.of(
            "org.springframework.jdbc.", "org.springframework.orm.", "org.springframework.data.",
            "org.springframework.dao.", "org.springframework.transaction.", "org.springframework.aop.",
            "org.springframework.cglib.", "org.springframework.web.servlet.", "org.springframework.web.method.",
            "org.springframework.boot.loader.", "org.springframework.boot.jdbc.", "org.springframework.boot.sql.",
            "org.hibernate.engine.", "org.hibernate.internal.", "org.hibernate.sql.", "org.hibernate.query.",
            "org.hibernate.loader.", "org.hibernate.persister.", "org.hibernate.collection.", "org.hibernate.event.",
            "org.hibernate.resource.", "org.hibernate.action.", "org.hibernate.proxy.", "org.hibernate.id.",
            "org.jooq.impl.", "org.apache.ibatis.executor.", "org.apache.ibatis.binding.", "org.apache.ibatis.session.",
            "org.mybatis.spring.", "org.jdbi.v3.core.", "org.eclipse.persistence.internal.",
            "org.apache.catalina.core.", "org.eclipse.jetty.server.", "io.undertow.servlet.");

    private final List<String> include;
    private final List<String> excluded;
    private final ClassValue<FrameKind> kinds = new ClassValue<>() {
        @Override
        protected FrameKind computeValue(Class<?> type) {
            return decide(type);
        }
    };

    /**
     * @param include       package prefixes that are the application's whatever else is said ({@code callSite.include})
     * @param extraExcluded package prefixes that are not, added to the fallback list ({@code callSite.exclude})
     */
    public CallSiteFilter(List<String> include, List<String> extraExcluded) {
        List<String> all = new ArrayList<>(FRAMEWORK_FALLBACK);
        all.addAll(extraExcluded);
        this.include = List.copyOf(include);
        this.excluded = List.copyOf(all);
    }

    /** What a frame of {@code type} is; decided on the first frame of each class, then remembered by the class. */
    public FrameKind kindOf(Class<?> type) {
        return kinds.get(type);
    }

    private FrameKind decide(Class<?> type) {
        String name = type.getName();
        if (startsWithAny(name, include)) {
            return FrameKind.APPLICATION;
        }
        if (isGenerated(type, name) || startsWithAny(name, PLUMBING)) {
            return FrameKind.PLUMBING;
        }
        if (startsWithAny(name, excluded)) {
            return FrameKind.MEANINGFUL;
        }
        return ApplicationCodeSource.isApplication(type) ? FrameKind.APPLICATION : FrameKind.MEANINGFUL;
    }

    /** JDK proxies, hidden classes (lambdas, reflection accessors), CGLIB ({@code $$}), Hibernate and Byte Buddy proxies. */
    static boolean isGenerated(Class<?> type, String name) {
        return type.isHidden() || Proxy.isProxyClass(type) || name.contains("$$") || name.contains("$HibernateProxy$")
                || name.contains("$ByteBuddy$") || name.startsWith("$Proxy") || name.contains(".$Proxy");
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith); // once per class: no need to be quick
    }

}
