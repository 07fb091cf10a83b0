package io.queryadvisor.agent.instrument.servlet;

import javax.servlet.http.HttpServletRequest;

import net.bytebuddy.asm.Advice;

/**
 * {@link JakartaServletAdvice} for {@code javax.servlet.http.HttpServlet} (Servlet 4 and earlier:
 * Tomcat 9, Jetty 9 and 10, Spring Boot 2), and likewise never loaded as a class by the agent.
 */
final class JavaxServletAdvice {

    private JavaxServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) HttpServletRequest request) {
        return RequestTracking.enter(request.getMethod(), request.getRequestURI());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
        if (entered) {
            RequestTracking.exit();
        }
    }
}
