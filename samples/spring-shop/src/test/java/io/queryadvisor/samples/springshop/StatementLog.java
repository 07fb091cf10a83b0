package io.queryadvisor.samples.springshop;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records every statement execution through the application's DataSource, as a JDBC agent sees
 * them: one per execute, executeQuery, executeUpdate or executeBatch call (a batch is one execution,
 * with its rows counted). A bean post-processor: importing it into a test's context wraps the pool.
 */
public final class StatementLog implements BeanPostProcessor {

    /** One execution: its SQL (whitespace collapsed), and for a batch the rows it carried, else 0. */
    public record Execution(String sql, int batchRows) {

        public boolean isBatch() {
            return batchRows > 0;
        }
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");

    private final List<Execution> executions = new ArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
    }

    /** Forgets what was recorded so far. */
    public synchronized void clear() {
        executions.clear();
    }

    /** The executions since the last {@link #clear()}, in order. */
    public synchronized List<Execution> executions() {
        return List.copyOf(executions);
    }

    /** The SQL of the executions since the last {@link #clear()}, in order. */
    public List<String> statements() {
        return executions().stream().map(Execution::sql).toList();
    }

    private DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(target, method, args);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(PreparedStatement.class, (PreparedStatement) result, collapse((String) args[0]));
                case "createStatement" -> statement(Statement.class, (Statement) result, null);
                default -> result;
            };
        });
    }

    private <S extends Statement> S statement(Class<S> type, S target, String preparedSql) {
        int[] batchRows = {0};
        return proxy(type, (method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batchRows[0]++;
            } else if (EXECUTIONS.contains(name)) {
                record(new Execution(preparedSql != null ? preparedSql : collapse((String) args[0]), 0));
            } else if (BATCHES.contains(name)) {
                record(new Execution(preparedSql, batchRows[0]));
                batchRows[0] = 0;
            }
            return invoke(target, method, args);
        });
    }

    private synchronized void record(Execution execution) {
        executions.add(execution);
    }

    private static String collapse(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
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
