package io.queryadvisor.agent.instrument.servlet;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Path;

import net.bytebuddy.agent.ByteBuddyAgent;

import io.queryadvisor.advisor.capture.CaptureBuffer;
import io.queryadvisor.agent.instrument.AgentInstaller;
import io.queryadvisor.agent.instrument.ChildFirstLoader;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.CaptureContext;

/**
 * Run in a child JVM by {@link ServletApiInApplicationLoaderTest}: the agent as an application
 * server sees it. The agent and its installer are on the class path, but neither servlet API
 * is; each API and a servlet written against it live in a class loader of their own. Prints the
 * request each servlet saw, then how many requests were reported complete.
 *
 * <p>Arguments: the javax.servlet API jar, the jakarta.servlet API jar.
 */
public final class ServletsInTheirOwnLoader {

    private ServletsInTheirOwnLoader() {
    }

    public static void main(String[] args) throws Exception {
        CaptureBuffer buffer = new CaptureBuffer(16);
        ConnectionWrapping.install(new Capture(buffer, CaptureConfig.defaults()));
        AgentInstaller.install(ByteBuddyAgent.install());

        // By name: a class literal would load the servlet here, where its API is missing.
        System.out.println("javax: " + serve(args[0], ServletsInTheirOwnLoader.class.getName() + "$JavaxServlet"));
        System.out.println("jakarta: " + serve(args[1], ServletsInTheirOwnLoader.class.getName() + "$JakartaServlet"));
        System.out.println("completed: " + buffer.size());
    }

    private static Object serve(String apiJar, String servlet) throws Exception {
        // Has the servlet API, and defines the one servlet class itself so that it links against it.
        try (ChildFirstLoader loader = new ChildFirstLoader(new URL[] {Path.of(apiJar).toUri().toURL()},
                ServletsInTheirOwnLoader.class.getClassLoader(), servlet::equals)) {
            return loader.loadClass(servlet).getMethod("serve").invoke(null);
        }
    }

    /** A servlet written against javax.servlet; public, as it is called from another loader. */
    public static final class JavaxServlet extends javax.servlet.http.HttpServlet {
        private Object seen;

        @Override
        protected void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) {
            seen = CaptureContext.current().request;
        }

        public static Object serve() throws Exception {
            JavaxServlet servlet = new JavaxServlet();
            servlet.service(proxy(javax.servlet.http.HttpServletRequest.class), proxy(javax.servlet.http.HttpServletResponse.class));
            return servlet.seen;
        }
    }

    /** The same, against jakarta.servlet. */
    public static final class JakartaServlet extends jakarta.servlet.http.HttpServlet {
        private Object seen;

        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            seen = CaptureContext.current().request;
        }

        public static Object serve() throws Exception {
            JakartaServlet servlet = new JakartaServlet();
            servlet.service(proxy(jakarta.servlet.http.HttpServletRequest.class), proxy(jakarta.servlet.http.HttpServletResponse.class));
            return servlet.seen;
        }
    }

    /** A request for {@code GET /orders/42} (the response answers nothing); public, for the other loaders. */
    public static <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) ->
                switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/orders/42";
                    default -> null;
                }));
    }
}
