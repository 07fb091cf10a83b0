package io.queryadvisor.agent.instrument.servlet;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * The agent's servlet instrumentation, installed into the test JVM the way {@code AgentInstaller}
 * installs it into an application (servlet classes already loaded are retransformed), and
 * removed again on {@link #close}, so that no other test runs against instrumented servlets.
 */
final class InstrumentedServlets implements AutoCloseable {

    private final Instrumentation instrumentation = ByteBuddyAgent.install();
    private final List<String> transformed = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final ServletInstrumentation servlets = new ServletInstrumentation();
    private final ResettableClassFileTransformer transformer;

    InstrumentedServlets() {
        transformer = new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new Recorder())
                .type(ServletInstrumentation.servlets())
                .transform((builder, type, loader, module, domain) -> servlets.transform(builder, type, loader))
                .installOn(instrumentation);
    }

    /** Names of the classes instrumented so far. */
    List<String> transformed() {
        return transformed;
    }

    /** What could not be instrumented; a test that expects instrumentation wants none. */
    List<Throwable> errors() {
        return errors;
    }

    @Override
    public void close() {
        transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    private final class Recorder extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            transformed.add(type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            errors.add(new IllegalStateException("could not instrument " + typeName, error));
        }
    }
}
