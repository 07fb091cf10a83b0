package io.queryadvisor.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.Properties;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.utility.JavaModule;

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
     *                   there Byte Buddy's transformer is built on a thread of its own, behind a
     *                   {@link DeferredTransformer} registered at once, so that the application's
     *                   start does not wait for Byte Buddy to load.
     */
    public static void install(Instrumentation instrumentation, boolean lateAttach) {
        if (lateAttach) {
            builder(true).installOn(instrumentation);
            return;
        }
        DeferredTransformer deferred = new DeferredTransformer();
        instrumentation.addTransformer(deferred, false);
        Thread thread = new Thread(() -> {
            try {
                deferred.ready(builder(false).makeRaw());
            } catch (Throwable t) {
                deferred.failed();
                AgentLog.warnOnce("instrument", "could not prepare the instrumentation; connections are not captured", t);
            }
        }, "query-advisor-instrumentation");
        deferred.buildingOn(thread);
        thread.setDaemon(true);
        thread.start();
    }

    /** The instrumentation's whole configuration; {@code lateAttach} retransforms classes already loaded. */
    private static AgentBuilder builder(boolean lateAttach) {
        // Our advice is inlined, so Byte Buddy's Nexus (for initialising generated classes) is never
        // needed; creating it touches sun.misc.Unsafe, which JDK 24+ warns about on the
        // application's console. The property name is relocated with the rest of Byte Buddy.
        if (System.getProperty(Nexus.PROPERTY) == null) {
            System.setProperty(Nexus.PROPERTY, "true");
        }
        AgentClassVisibility visible = new AgentClassVisibility();
        return new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // Matching asks the candidate classes for their super types; caching the type
                // descriptions they share (Object, Serializable, ...) keeps class loading fast.
                // Weakly keyed and bounded, and the class files read through weak references to
                // their loaders: an undeployed application's loader is never kept alive by us.
                .with(new BoundedTypeCache())
                .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
                .disableClassFormatChanges()
                .with(lateAttach ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new FailureListener())
                // the agent's own classes are skipped by name before Byte Buddy sees them
                .with(OwnClassesSkipped.DECORATOR)
                // ... and so is every class that cannot declare a method we instrument
                .with(CandidateClassesOnly.DECORATOR)
                // ... and ignored here too, so that a late attach never tries to retransform them
                .ignore(nameStartsWith("io.queryadvisor.agent.")
                        .or(nameStartsWith("io.queryadvisor.capture."))
                        .or(nameStartsWith("io.queryadvisor.advisor."))
                        .or(nameStartsWith("io.queryadvisor.dashboard."))
                        .or(nameStartsWith("io.queryadvisor.shaded."))
                        .or(nameStartsWith("java.")).or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(isSynthetic()))
                .type(hasSuperType(named("javax.sql.DataSource")).and(not(isInterface())), visible)
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(GetConnectionAdvice.class)
                        .on(named("getConnection").and(not(isAbstract()))
                                .and(takesArguments(0).or(takesArguments(2)))
                                .and(returns(named("java.sql.Connection"))))))
                .type(hasSuperType(named("java.sql.Driver")).and(not(isInterface())), visible)
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(DriverConnectAdvice.class)
                        .on(named("connect").and(not(isAbstract()))
                                .and(takesArguments(String.class, Properties.class))
                                .and(returns(named("java.sql.Connection")))))
                        // a connect with a narrower return type is called through its bridge
                        .visit(new DriverBridgeAdvice()))
                .type(ServletInstrumentation.servlets(), visible)
                .transform(new ServletInstrumentation());
    }

    /** A class that cannot be instrumented is left as it is, and said once. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            AgentLog.warnOnce("instrument:" + typeName, "could not instrument " + typeName
                    + "; it runs uninstrumented", throwable);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            // quiet: a DataSource being instrumented is the normal case
        }
    }
}
