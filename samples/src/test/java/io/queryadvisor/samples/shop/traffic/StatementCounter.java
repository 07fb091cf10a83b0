package io.queryadvisor.samples.shop.traffic;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts statement executions per SQL text (whitespace collapsed) through a DataSource, as a JDBC
 * agent sees them: one per execute, executeQuery, executeUpdate or executeBatch call. Only
 * prepared statements are counted, the only kind the traffic uses.
 */
final class StatementCounter {

    private static final Set<String> EXECUTIONS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final Map<String, Integer> executions = new TreeMap<>();

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    /** Executions so far, by SQL text. */
    synchronized Map<String, Integer> executions() {
        return new TreeMap<>(executions);
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("createStatement")) {
                return plain((Statement) result);
            }
            return method.getName().equals("prepareStatement")
                    ? statement((PreparedStatement) result, collapsed((String) args[0]))
                    : result;
        });
    }

    private PreparedStatement statement(PreparedStatement target, String sql) {
        return proxy(PreparedStatement.class, (method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                count(sql);
            }
            return invoke(target, method, args);
        });
    }

    /** A plain statement: each execution counted under the text it was given. */
    private Statement plain(Statement target) {
        return proxy(Statement.class, (method, args) -> {
            if (EXECUTIONS.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                count(collapsed(sql));
            }
            return invoke(target, method, args);
        });
    }

    private static String collapsed(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private synchronized void count(String sql) {
        executions.merge(sql, 1, Integer::sum);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocationHandler = (self, method, args) -> handler.handle(method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocationHandler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }
}
