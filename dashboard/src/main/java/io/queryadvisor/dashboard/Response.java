package io.queryadvisor.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.queryadvisor.advisor.report.Json;

/**
 * A complete HTTP response, built before anything is sent, so that a failure while building it
 * can still become a clean 500.
 *
 * @param status      HTTP status code
 * @param contentType media type with charset
 * @param body        the bytes (not sent for HEAD)
 * @param headers     headers beyond those every response carries
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    static Response json(Object value) throws JsonProcessingException {
        return of(200, JSON_TYPE, JsonWriter.INSTANCE.writeValueAsBytes(value));
    }

    /**
     * Sent when making the response failed, however: built without Jackson and without
     * allocating much, so that it can still be sent after an {@link OutOfMemoryError}.
     */
    private static final Response SERVER_ERROR = of(500, JSON_TYPE,
            "{\"error\":\"the dashboard failed to answer; see the application's log\"}".getBytes(StandardCharsets.UTF_8));

    /** The 500 for a failure to answer {@code path}: names the path and the failure's class. */
    static Response serverError(String path, Throwable failure) {
        try {
            return error(500, "the dashboard failed to answer " + path + " (" + failure.getClass().getSimpleName()
                    + "); see the application's log");
        } catch (Throwable t) {
            return SERVER_ERROR;
        }
    }

    /** {@code {"error": message}} with {@code status}. */
    static Response error(int status, String message) {
        try {
            return of(status, JSON_TYPE, JsonWriter.INSTANCE.writeValueAsBytes(Map.of("error", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error message", e); // a map of two strings
        }
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }

    /** Sends this response; the exchange is closed by the caller. */
    void send(HttpExchange exchange) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", contentType);
        // Live data, and maybe sensitive: never cache it; never let a browser guess another type.
        out.set("Cache-Control", "no-store");
        out.set("X-Content-Type-Options", "nosniff");
        headers.forEach(out::set);
        if ("HEAD".equals(exchange.getRequestMethod()) || body.length == 0) {
            exchange.sendResponseHeaders(status, -1); // -1: no body; 0 would mean chunked
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }

    /**
     * SQL text is data the application controls, and may hold markup. Writing <, > and & as JSON
     * unicode escapes keeps the JSON valid and equal once parsed, and inert even if some client
     * ever mistook it for HTML. A writer of our own: the shared mapper is not to be reconfigured.
     * Made at the first JSON answer, not when the dashboard starts: Jackson is about 400 classes
     * (some 5 MB of metaspace) that an application whose dashboard is never opened need not load.
     */
    private static final class JsonWriter {
        static final ObjectWriter INSTANCE = Json.mapper().writer().with(new MarkupEscapes());
    }

    private static final class MarkupEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        MarkupEscapes() {
            for (char c : new char[] {'<', '>', '&'}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only standard escapes
        }
    }
}
