package io.queryadvisor.agent.instrument.servlet;

import jakarta.servlet.http.HttpServletRequest;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code service(HttpServletRequest, HttpServletResponse)} of
 * {@code jakarta.servlet.http.HttpServlet} and of the servlets that override it. Thin on purpose:
 * it reads two strings and hands off to {@link RequestTracking}. Both halves suppress every
 * throwable; the request's own exceptions pass through untouched.
 *
 * <p>Never loaded as a class by the agent: {@link ServletInstrumentation} reads it as bytecode,
 * because the servlet types it names exist only in the application's class loader.
 */
final class JakartaServletAdvice {

    private JakartaServletAdvice() {
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
