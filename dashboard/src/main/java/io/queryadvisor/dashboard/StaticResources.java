package io.queryadvisor.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page and its assets (its scripts, the Pools view's chart library, one stylesheet), read once from the classpath ({@code static/} next to this class).
 * They are self-contained: the page loads nothing from the network, which suits an agent run on
 * machines without internet access and lets the security policy allow only this origin.
 */
final class StaticResources {

    /** Only our own script and stylesheet, no inline code, no framing, no forms. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    static final String HTML = "text/html; charset=utf-8";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";

    private StaticResources() {
    }

    /** The endpoints serving the page at {@code /} and its assets. */
    static Map<String, Endpoint> endpoints() {
        Response page = Response.of(200, HTML, read("index.html"))
                .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .withHeader("Referrer-Policy", "no-referrer");
        Response script = Response.of(200, JAVASCRIPT, read("app.js"));
        Response endpointsScript = Response.of(200, JAVASCRIPT, read("endpoints.js"));
        Response styles = Response.of(200, CSS, read("app.css"));
        Response pools = Response.of(200, JAVASCRIPT, read("pools.js"));
        // uPlot 1.6.30 (MIT), copied from its webjar at build time (see the pom): the Pools view's charts
        Response uplot = Response.of(200, JAVASCRIPT, read("uplot/uPlot.iife.min.js"));
        Response uplotStyles = Response.of(200, CSS, read("uplot/uPlot.min.css"));
        return Map.of(
                "/", parameters -> page,
                "/app.js", parameters -> script,
                "/endpoints.js", parameters -> endpointsScript,
                "/app.css", parameters -> styles,
                "/pools.js", parameters -> pools,
                "/uplot/uPlot.iife.min.js", parameters -> uplot,
                "/uplot/uPlot.min.css", parameters -> uplotStyles);
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticResources.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource static/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource static/" + name, e);
        }
    }
}
