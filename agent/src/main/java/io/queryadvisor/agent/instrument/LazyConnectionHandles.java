package io.queryadvisor.agent.instrument;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * Recognises a connection handle that holds no connection yet: Spring's
 * {@code LazyConnectionDataSourceProxy} and {@code TransactionAwareDataSourceProxy} hand out a JDK
 * proxy at once and ask their target data source for the real connection only when a statement
 * (or the first call that needs one) comes. Wrapping such a handle would count a checkout that
 * never reached the pool, and then the real one again under it; so the handle is left alone and
 * the real checkout, the pool's, is the one wrapped, with its true wait and hold times.
 *
 * <p>Known by the proxy's invocation handler, not by the data source that returned it, so that a
 * data source in front of the lazy proxy changes nothing. Asked only for a JDK proxy returned
 * while nothing was opened or checked out below: never on a pool's own path.
 */
final class LazyConnectionHandles {

    static final Set<String> HANDLERS = Set.of(
            "org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy$LazyConnectionInvocationHandler",
            "org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy$TransactionAwareInvocationHandler");

    private LazyConnectionHandles() {
    }

    /**
     * Whether {@code connection}, which {@code source} handed out, is such a handle. A pool's own
     * connections may be JDK proxies too (Tomcat's jdbc-pool): a pool's are never asked further, the
     * proxy look-up being the costly part.
     */
    static boolean isHandle(Object source, Connection connection) {
        return connection instanceof Proxy && !PoolCallers.isPoolClass(source.getClass().getName())
                && Proxy.isProxyClass(connection.getClass())
                && HANDLERS.contains(Proxy.getInvocationHandler(connection).getClass().getName());
    }
}
