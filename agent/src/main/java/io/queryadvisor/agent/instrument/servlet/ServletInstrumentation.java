package io.queryadvisor.agent.instrument.servlet;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import io.queryadvisor.agent.instrument.TypeTransformation;

/**
 * Tracks incoming HTTP requests ({@link RequestTracking}) at
 * {@code service(HttpServletRequest, HttpServletResponse)}, for both {@code jakarta.servlet} and
 * {@code javax.servlet}.
 *
 * <p>Not only {@code HttpServlet}'s own method is instrumented but every override of it too, since
 * some frameworks never call the original: Jersey's {@code ServletContainer} replaces it, Spring's
 * {@code FrameworkServlet} handles {@code PATCH} itself. Overrides that do call
 * {@code super.service} nest, and only the outermost call is a request.
 *
 * <p>The advice names servlet types, which only the application's class loader has, so it is
 * read as bytecode from the agent's class loader and resolved against the servlet's, never loaded
 * as a class by the agent.
 */
public final class ServletInstrumentation implements TypeTransformation {

    private final ElementMatcher<TypeDescription> servlets = servlets();

    private static final String ADVICE_PACKAGE = RequestTracking.class.getPackageName() + ".";
    private static final ClassFileLocator AGENT_CLASSES =
            ClassFileLocator.ForClassLoader.of(RequestTracking.class.getClassLoader());

    /** The two servlet APIs, and the advice written against each. */
    private enum Api {
        JAKARTA("jakarta.servlet.http.", "JakartaServletAdvice"),
        JAVAX("javax.servlet.http.", "JavaxServletAdvice");

        private final String typePrefix;
        private final String advice;

        Api(String typePrefix, String advice) {
            this.typePrefix = typePrefix;
            this.advice = advice;
        }

        ElementMatcher.Junction<TypeDescription> httpServlet() {
            return named(typePrefix + "HttpServlet");
        }

        /** {@code service(HttpServletRequest, HttpServletResponse)}. */
        ElementMatcher.Junction<MethodDescription> service() {
            return named("service").and(not(isAbstract())).and(takesArguments(2))
                    .and(takesArgument(0, named(typePrefix + "HttpServletRequest")))
                    .and(takesArgument(1, named(typePrefix + "HttpServletResponse")));
        }
    }

    /**
     * The servlet classes to transform: subclasses of either {@code HttpServlet} (itself included)
     * that declare the method. The method test comes first because it reads only the class at
     * hand, where the hierarchy walk would look at every superclass of every class loaded.
     */
    public static ElementMatcher.Junction<TypeDescription> servlets() {
        return declaresMethod(Api.JAKARTA.service().or(Api.JAVAX.service()))
                .and(hasSuperType(Api.JAKARTA.httpServlet().or(Api.JAVAX.httpServlet())));
    }

    @Override
    public boolean matches(TypeDescription type) {
        return servlets.matches(type);
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
        ClassFileLocator locator = new ClassFileLocator.Compound(AGENT_CLASSES, ClassFileLocator.ForClassLoader.of(loader));
        TypePool types = TypePool.Default.of(locator);
        for (Api api : Api.values()) {
            // Only the API the servlet is written against is sure to be there: an application
            // server for javax.servlet has no jakarta.servlet to resolve the other advice against.
            if (!type.getDeclaredMethods().filter(api.service()).isEmpty()) {
                builder = builder.visit(Advice.to(types.describe(ADVICE_PACKAGE + api.advice).resolve(), locator)
                        .on(api.service()));
            }
        }
        return builder;
    }
}
