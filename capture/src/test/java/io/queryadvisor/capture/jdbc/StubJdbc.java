package io.queryadvisor.capture.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.any;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;

/**
 * A driver's connection that does next to nothing, for what a real database cannot show: many
 * threads on one connection, a hundred thousand statements, a driver throwing what it does not
 * declare. Made with Byte Buddy rather than JDK proxies, which would wrap an undeclared checked
 * exception instead of letting it through as a real driver's bytecode can.
 */
final class StubJdbc {

    /** Driver connection closes seen. */
    final AtomicInteger closes = new AtomicInteger();
    /** What every execute method throws, when set; sneakily, whatever its type. */
    volatile Throwable executeFailure;
    final Connection connection;

    StubJdbc() {
        this.connection = stub(Connection.class, this::connection);
    }

    private Object connection(Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "createStatement", "prepareStatement", "prepareCall":
                return stub(PreparedStatement.class, this::statement);
            case "getMetaData":
                return stub(DatabaseMetaData.class, (proxy, m, a) -> m.getReturnType() == String.class ? "stub" : null);
            case "getAutoCommit":
                return true;
            case "close":
                closes.incrementAndGet();
                return null;
            default:
                return defaultValue(method);
        }
    }

    private Object statement(Object self, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute") && executeFailure != null) {
            throw executeFailure;
        }
        if (method.getName().equals("executeQuery") || method.getName().equals("getResultSet")) {
            return stub(ResultSet.class, (proxy, m, a) -> defaultValue(m));
        }
        return defaultValue(method);
    }

    private static Object defaultValue(Method method) {
        Class<?> type = method.getReturnType();
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int[].class) {
            return new int[0];
        }
        if (type == long[].class) {
            return new long[0];
        }
        return type.isPrimitive() ? (Object) 0 : null;
    }

    private static <T> T stub(Class<T> type, InvocationHandler handler) {
        try {
            Class<?> made = STUB_CLASSES.get(type);
            Object stub = made.getDeclaredConstructor().newInstance();
            made.getField(HANDLER).set(stub, handler);
            return type.cast(stub);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String HANDLER = "handler";

    /** One generated class per interface; each instance calls the handler in its field. */
    private static final ClassValue<Class<?>> STUB_CLASSES = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            return new ByteBuddy().subclass(type)
                    .defineField(HANDLER, InvocationHandler.class, Visibility.PUBLIC)
                    .method(any()).intercept(InvocationHandlerAdapter.toField(HANDLER))
                    .make()
                    .load(StubJdbc.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                    .getLoaded();
        }
    };
}
