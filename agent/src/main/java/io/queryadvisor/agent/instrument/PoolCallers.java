package io.queryadvisor.agent.instrument;

import java.util.List;

/**
 * Recognises a physical connection being opened by a connection pool for itself (to fill the
 * pool), as opposed to by the application. Only the logical connections a pool hands out are
 * wrapped; wrapping the physical ones under them too would count every statement twice.
 *
 * <p>Asked only when a physical connection was just opened, which takes milliseconds, so the
 * stack walk here (microseconds) is noise.
 */
final class PoolCallers {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final int MAX_DEPTH = 24;

    static final List<String> POOL_PACKAGES = List.of(
            "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.commons.pool2.", "org.apache.tomcat.jdbc.pool.",
            "org.apache.tomcat.dbcp.", "com.mchange.v2.", "io.agroal.", "oracle.ucp.", "org.vibur.dbcp.",
            "com.alibaba.druid.pool.", "org.h2.jdbcx.JdbcConnectionPool");

    private PoolCallers() {
    }

    /**
     * Whether a pool's code called the method that is opening a connection. Frame 0 is this
     * method's caller inside the agent, then the instrumented method itself (skipped: a pool's own
     * getConnection is what we want to wrap), then its callers.
     */
    static boolean openedByPool() {
        return WALKER.walk(frames -> frames
                .dropWhile(f -> f.getClassName().startsWith("io.queryadvisor.agent."))
                .skip(1)
                .limit(MAX_DEPTH)
                .anyMatch(f -> isPoolClass(f.getClassName())));
    }

    static boolean isPoolClass(String className) {
        for (String prefix : POOL_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
