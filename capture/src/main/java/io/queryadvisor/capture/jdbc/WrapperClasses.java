package io.queryadvisor.capture.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates the concrete JDBC wrappers with Byte Buddy: every method a {@code Capturing*} class
 * leaves abstract becomes a direct {@code invokeinterface} on its delegate; the setters of prepared
 * statements and the getters of result sets call a hook first ({@code bind*}, {@code readColumn}).
 *
 * <p>The build runs {@link #main} (capture's pom, phase {@code process-classes}) to write them into
 * the jar as class files, for Java 17 and later, so that the agent loads them like any class
 * instead of generating them at every start (about 400 ms of CPU, and the JIT's work on Byte
 * Buddy's code besides, competing with the application's start). {@link JdbcWrappers} generates
 * them here at run time only when the jar lacks them (classes compiled by an IDE, not Maven).
 */
public final class WrapperClasses {

    /** The classes a wrapper is generated for. */
    static final List<Class<?>> BASES = List.of(CapturingConnection.class, CapturingStatement.class,
            CapturingPreparedStatement.class, CapturingCallableStatement.class, CapturingResultSet.class,
            CapturingMetaData.class);

    private WrapperClasses() {
    }

    /** Writes every wrapper's class file under the class output folder {@code args[0]}. */
    public static void main(String[] args) throws IOException, NoSuchMethodException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WrapperClasses <class output folder>");
        }
        ByteBuddy forJava17 = new ByteBuddy(ClassFileVersion.JAVA_V17);
        for (Class<?> base : BASES) {
            try (DynamicType.Unloaded<?> unloaded = make(forJava17, base)) {
                unloaded.saveIn(new File(args[0]));
            }
        }
    }

    /** The wrapper of {@code base}, generated now and defined in its package through {@code lookup}. */
    static Class<?> define(MethodHandles.Lookup lookup, Class<?> base) throws NoSuchMethodException {
        try (DynamicType.Unloaded<?> unloaded = make(new ByteBuddy(), base)) {
            return unloaded.load(base.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup)).getLoaded();
        }
    }

    /** The name of {@code base}'s wrapper class. */
    static String nameOf(Class<?> base) {
        return base.getName() + "$Generated";
    }

    static DynamicType.Unloaded<?> make(ByteBuddy byteBuddy, Class<?> base) throws NoSuchMethodException {
        MethodCall delegation = MethodCall.invokeSelf().onField(delegateField(base)).withAllArguments();
        // Everything the base class leaves abstract, and the interfaces' default methods (the
        // driver may implement them better than the interface's default), goes to the delegate.
        DynamicType.Builder<?> builder = byteBuddy
                .subclass(base, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(nameOf(base))
                .method(isAbstract().or(isDefaultMethod()))
                .intercept(delegation);
        if (base == CapturingPreparedStatement.class || base == CapturingCallableStatement.class) {
            builder = bindHooks(builder, delegation);
        } else if (base == CapturingResultSet.class) {
            builder = columnHooks(builder, delegation);
        }
        return builder.make();
    }

    private static String delegateField(Class<?> base) {
        if (base == CapturingStatement.class) {
            return "statement";
        }
        if (base == CapturingPreparedStatement.class) {
            return "prepared";
        }
        return base == CapturingCallableStatement.class ? "callable" : "delegate";
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
