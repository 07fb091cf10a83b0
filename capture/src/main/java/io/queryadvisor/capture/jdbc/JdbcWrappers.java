package io.queryadvisor.capture.jdbc;


import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;


import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;

/**
 * Makes the concrete JDBC wrappers.
 *
 * <p>The {@code Capturing*} classes implement only what capture needs; the hundreds of other
 * JDBC methods are plain delegation, which Byte Buddy generates at build time ({@link WrapperClasses}):
 * a direct {@code invokeinterface} on the delegate per method, as fast as hand-written code and
 * without the reflection of JDK proxies (HikariCP generates its proxies the same way, with
 * Javassist at build time). The setters of prepared statements and the getters of result sets call
 * a hook first ({@code bind*}, {@code readColumn}).
 *
 * <p>Constructors are reached through {@code static final} method handles, which the JIT
 * compiles to a direct call.
 */
public final class JdbcWrappers {

    private static final MethodHandle CONNECTION;
    private static final MethodHandle STATEMENT;
    private static final MethodHandle PREPARED;
    private static final MethodHandle CALLABLE;
    private static final MethodHandle RESULT_SET;
    private static final MethodHandle META_DATA;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONNECTION = constructor(lookup, wrapperOf(lookup, CapturingConnection.class),
                    Connection.class, Capture.class, long.class, String.class, long.class, CaptureContext.class);
            STATEMENT = constructor(lookup, wrapperOf(lookup, CapturingStatement.class),
                    Statement.class, CapturingConnection.class);
            PREPARED = constructor(lookup, wrapperOf(lookup, CapturingPreparedStatement.class),
                    PreparedStatement.class, String.class, CapturingConnection.class);
            CALLABLE = constructor(lookup, wrapperOf(lookup, CapturingCallableStatement.class),
                    CallableStatement.class, String.class, CapturingConnection.class);
            RESULT_SET = constructor(lookup, wrapperOf(lookup, CapturingResultSet.class),
                    ResultSet.class, StatementRecorder.class);
            META_DATA = constructor(lookup, wrapperOf(lookup, CapturingMetaData.class),
                    DatabaseMetaData.class, CapturingConnection.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JdbcWrappers() {
    }

    /**
     * Wraps a connection the application obtained from {@code source} at {@code openedNanos}; see
     * {@link Checkouts} for the checkout's whole protocol.
     */
    static CapturingConnection connection(Connection raw, Capture capture, long id, String source, long openedNanos,
                                           CaptureContext context) {
        try {
            return (CapturingConnection) CONNECTION.invokeExact(raw, capture, id, source, openedNanos, context);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot wrap connection", e);
        }
    }

    static Statement statement(Statement raw, CapturingConnection connection) {
        try {
            return (CapturingStatement) STATEMENT.invokeExact(raw, connection);
        } catch (Throwable e) {
            return raw;
        }
    }

    static PreparedStatement prepared(PreparedStatement raw, String sql, CapturingConnection connection) {
        try {
            return (CapturingPreparedStatement) PREPARED.invokeExact(raw, sql, connection);
        } catch (Throwable e) {
            return raw;
        }
    }

    static CallableStatement callable(CallableStatement raw, String sql, CapturingConnection connection) {
        try {
            return (CapturingCallableStatement) CALLABLE.invokeExact(raw, sql, connection);
        } catch (Throwable e) {
            return raw;
        }
    }

    static CapturingResultSet resultSet(ResultSet raw, StatementRecorder statement) {
        try {
            return (CapturingResultSet) RESULT_SET.invokeExact(raw, statement);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot wrap result set", e);
        }
    }

    static DatabaseMetaData metaData(DatabaseMetaData raw, CapturingConnection connection) {
        try {
            return (CapturingMetaData) META_DATA.invokeExact(raw, connection);
        } catch (Throwable e) {
            return raw;
        }
    }

    /**
     * The concrete wrapper of {@code base}: the class the build generated into the jar, or, when
     * it is not there, one generated now ({@link WrapperClasses}).
     */
    private static Class<?> wrapperOf(MethodHandles.Lookup lookup, Class<?> base) throws ReflectiveOperationException {
        try {
            return Class.forName(WrapperClasses.nameOf(base), true, base.getClassLoader());
        } catch (ClassNotFoundException notBuilt) {
            return WrapperClasses.define(lookup, base);
        }
    }

    private static MethodHandle constructor(MethodHandles.Lookup lookup, Class<?> type, Class<?>... parameters)
            throws ReflectiveOperationException {
        Class<?> base = type.getSuperclass();
        return lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
                .asType(MethodType.methodType(base, parameters));
    }
}
