package io.queryadvisor.capture.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;

/**
 * Makes the concrete JDBC wrappers.
 *
 * <p>The {@code Capturing*} classes implement only what capture needs; the hundreds of other
 * JDBC methods are plain delegation, which Byte Buddy generates here once, at start: a direct
 * {@code invokeinterface} on the delegate per method, as fast as hand-written code and without
 * the reflection of JDK proxies (HikariCP generates its proxies the same way, with Javassist at
 * build time). The setters of prepared statements and the getters of result sets are generated
 * to call a hook first ({@code bind*}, {@code readColumn}).
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
            CONNECTION = constructor(lookup, generate(lookup, CapturingConnection.class, "delegate", null),
                    Connection.class, Capture.class, long.class, String.class, long.class, CaptureContext.class);
            STATEMENT = constructor(lookup, generate(lookup, CapturingStatement.class, "statement", null),
                    Statement.class, CapturingConnection.class);
            PREPARED = constructor(lookup, generate(lookup, CapturingPreparedStatement.class, "prepared", JdbcWrappers::bindHooks),
                    PreparedStatement.class, String.class, CapturingConnection.class);
            CALLABLE = constructor(lookup, generate(lookup, CapturingCallableStatement.class, "callable", JdbcWrappers::bindHooks),
                    CallableStatement.class, String.class, CapturingConnection.class);
            RESULT_SET = constructor(lookup, generate(lookup, CapturingResultSet.class, "delegate", JdbcWrappers::columnHooks),
                    ResultSet.class, StatementRecorder.class);
            META_DATA = constructor(lookup, generate(lookup, CapturingMetaData.class, "delegate", null),
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

    /** Adds interceptions on top of plain delegation. */
    private interface Hooks {
        DynamicType.Builder<?> add(DynamicType.Builder<?> builder, MethodCall delegation) throws NoSuchMethodException;
    }

    private static Class<?> generate(MethodHandles.Lookup lookup, Class<?> base, String delegateField, Hooks hooks)
            throws NoSuchMethodException {
        MethodCall delegation = MethodCall.invokeSelf().onField(delegateField).withAllArguments();
        // Everything the base class leaves abstract, and the interfaces' default methods (the
        // driver may implement them better than the interface's default), goes to the delegate.
        DynamicType.Builder<?> builder = new ByteBuddy()
                .subclass(base, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(base.getName() + "$Generated")
                .method(isAbstract().or(isDefaultMethod()))
                .intercept(delegation);
        if (hooks != null) {
            builder = hooks.add(builder, delegation);
        }
        try (DynamicType.Unloaded<?> unloaded = builder.make()) {
            return unloaded.load(base.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup)).getLoaded();
        }
    }

    private static MethodHandle constructor(MethodHandles.Lookup lookup, Class<?> type, Class<?>... parameters)
            throws ReflectiveOperationException {
        Class<?> base = type.getSuperclass();
        return lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
                .asType(MethodType.methodType(base, parameters));
    }

    /** Every {@code setXxx(int index, value...)} of a prepared statement hashes its value first. */
    private static DynamicType.Builder<?> bindHooks(DynamicType.Builder<?> builder, MethodCall delegation)
            throws NoSuchMethodException {
        ElementMatcher.Junction<MethodDescription> setter = nameStartsWith("set")
                .and(isDeclaredBy(PreparedStatement.class))
                .and(takesArgument(0, int.class))
                .and(not(takesArguments(1)));
        Class<?> self = CapturingPreparedStatement.class;
        return builder
                .method(setter.and(takesArgument(1, ElementMatchers.not(ElementMatchers.isPrimitive()))))
                .intercept(hook(self.getDeclaredMethod("bindObject", int.class, Object.class), 2, delegation))
                .method(setter.and(takesArgument(1, int.class).or(takesArgument(1, short.class))
                        .or(takesArgument(1, byte.class))))
                .intercept(hook(self.getDeclaredMethod("bindInt", int.class, int.class), 2, delegation))
                .method(setter.and(takesArgument(1, long.class)))
                .intercept(hook(self.getDeclaredMethod("bindLong", int.class, long.class), 2, delegation))
                .method(setter.and(takesArgument(1, double.class).or(takesArgument(1, float.class))))
                .intercept(hook(self.getDeclaredMethod("bindDouble", int.class, double.class), 2, delegation))
                .method(setter.and(takesArgument(1, boolean.class)))
                .intercept(hook(self.getDeclaredMethod("bindBoolean", int.class, boolean.class), 2, delegation))
                .method(setter.and(named("setNull")))
                .intercept(hook(self.getDeclaredMethod("bindNull", int.class), 1, delegation));
    }

    /** Every getter of a result set that names a column, by index or label, records it first. */
    private static DynamicType.Builder<?> columnHooks(DynamicType.Builder<?> builder, MethodCall delegation)
            throws NoSuchMethodException {
        ElementMatcher.Junction<MethodDescription> getter = nameStartsWith("get").and(isDeclaredBy(ResultSet.class));
        Class<?> self = CapturingResultSet.class;
        return builder
                .method(getter.and(takesArgument(0, int.class)))
                .intercept(hook(self.getDeclaredMethod("readColumn", int.class), 1, delegation))
                .method(getter.and(takesArgument(0, String.class)))
                .intercept(hook(self.getDeclaredMethod("readColumn", String.class), 1, delegation));
    }

    private static MethodCall.Composable hook(Method hook, int arguments, MethodCall delegation) {
        MethodCall call = MethodCall.invoke(hook);
        call = arguments == 1 ? call.withArgument(0) : call.withArgument(0, 1);
        return (MethodCall.Composable) call.andThen(delegation);
    }
}
