package io.queryadvisor.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Properties;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

import io.queryadvisor.agent.AgentLog;
import io.queryadvisor.agent.instrument.servlet.ServletInstrumentation;

/**
 * Installs the instrumentation: {@code getConnection()} / {@code getConnection(user, password)}
 * of every {@code javax.sql.DataSource} implementation, and {@code connect(url, properties)} of
 * every {@code java.sql.Driver} (which {@code DriverManager.getConnection} ends in; its bridge
 * method when the driver narrows the return type, see {@link DriverBridgeAdvice}); and the
 * servlets' {@code service} method, to know which HTTP request a statement runs in. Classes
 * already loaded (late attach) are retransformed.
 */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    /** Installs into a running application: classes already loaded are retransformed. */
    public static void install(Instrumentation instrumentation) {
        install(instrumentation, true);
    }

    /**
     * @param lateAttach true when the application is already running ({@code agentmain}): classes
     *                   loaded before are then retransformed. At {@code premain} none of interest is
     *                   loaded yet, and skipping the scan of the JDK's loaded classes saves start time;
     *                   there the transformer is built on a thread of its own, behind a
     *                   {@link DeferredTransformer} registered at once, so that the application's
     *                   start does not wait for Byte Buddy to load.
     */
    public static void install(Instrumentation instrumentation, boolean lateAttach) {
        if (lateAttach) {
            AdviceTransformer transformer = transformer();
            instrumentation.addTransformer(transformer, true);
            retransformLoaded(instrumentation, transformer);
            return;
        }
        DeferredTransformer deferred = new DeferredTransformer();
        instrumentation.addTransformer(deferred, false);
        Thread thread = new Thread(() -> {
            try {
                AdviceTransformer transformer = transformer();
                transformer.warmUp();
                deferred.ready(transformer);
            } catch (Throwable t) {
                deferred.failed();
                AgentLog.warnOnce("instrument", "could not prepare the instrumentation; connections are not captured", t);
            }
        }, "query-advisor-instrumentation");
        deferred.buildingOn(thread);
        thread.setDaemon(true);
        thread.start();
    }

    /** What is instrumented: data sources, drivers (and their bridges), servlets. */
    private static AdviceTransformer transformer() {
        // getConnection() and getConnection(user, password) of every javax.sql.DataSource
        Advised dataSources = new Advised(hasSuperType(named("javax.sql.DataSource")),
                List.of(Advice.to(GetConnectionAdvice.class).on(named("getConnection").and(not(isAbstract()))
                        .and(takesArguments(0).or(takesArguments(2)))
                        .and(returns(named("java.sql.Connection"))))));
        // connect(url, properties) of every java.sql.Driver; a connect with a narrower return type
        // is called through its bridge
        Advised drivers = new Advised(hasSuperType(named("java.sql.Driver")),
                List.of(Advice.to(DriverConnectAdvice.class).on(named("connect").and(not(isAbstract()))
                        .and(takesArguments(String.class, Properties.class))
                        .and(returns(named("java.sql.Connection")))), new DriverBridgeAdvice()));
        return new AdviceTransformer(List.of(dataSources, drivers, new ServletInstrumentation()));
    }

    /** On a late attach: the classes already loaded that need the advice, each retransformed on its own. */
    private static void retransformLoaded(Instrumentation instrumentation, AdviceTransformer transformer) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(loaded) && transformer.instruments(loaded)) {
                try {
                    instrumentation.retransformClasses(loaded);
                } catch (Throwable t) {
                    AgentLog.warnOnce("instrument:" + loaded.getName(), "could not instrument " + loaded.getName()
                            + ", loaded before the agent; it runs uninstrumented", t);
                }
            }
        }
    }

    /** The classes of one super type, and the advice their methods get. */
    private record Advised(ElementMatcher<TypeDescription> types, List<AsmVisitorWrapper> advice)
            implements TypeTransformation {

        @Override
        public boolean matches(TypeDescription type) {
            return types.matches(type);
        }

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
            for (AsmVisitorWrapper visitor : advice) {
                builder = builder.visit(visitor);
            }
            return builder;
        }
    }
}
