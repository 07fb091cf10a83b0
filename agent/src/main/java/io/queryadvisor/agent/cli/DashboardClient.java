package io.queryadvisor.agent.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fetches a report from a running dashboard over HTTP, with the JDK's own client. */
final class DashboardClient {

    /** The dashboard renders a report in milliseconds; ten seconds means it is not coming. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    // The dashboard's errors are {"error": "..."}; this reads the message without a JSON library.
    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int MAX_MESSAGE = 200;

    private final Duration timeout;
    private final HttpClient client;

    DashboardClient(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The body of a {@code 200} answer to {@code GET uri}, sent with {@code token} as a bearer token unless null. */
    byte[] get(URI uri, String token) throws DashboardException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DashboardException("interrupted while fetching " + uri);
        } catch (IOException e) {
            throw new DashboardException("cannot reach the Query Advisor dashboard at " + uri + ": " + reason(e));
        }
        if (response.statusCode() != 200) {
            String hint = response.statusCode() == 401
                    ? (token == null ? " (give its token with --token)" : " (is --token the one the agent printed?)") : "";
            throw new DashboardException("the dashboard at " + uri + " answered HTTP " + response.statusCode()
                    + explanation(response) + hint);
        }
        return response.body();
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + describe(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + describe(timeout);
        }
        if (e instanceof ConnectException) {
            // The JDK client's ConnectException often has no message; "refused" is what it means on loopback.
            return "connection refused (is the application running with the agent and its dashboard on?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String explanation(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        Matcher error = ERROR_MESSAGE.matcher(body);
        String message;
        if (error.find()) {
            message = error.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        } else if (response.statusCode() == 404) {
            message = "no report there: is this a Query Advisor dashboard?";
        } else {
            message = body.lines().findFirst().orElse("").strip();
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return message.isEmpty() ? "" : ": " + message;
    }

    /** A report could not be fetched; the message names the URL and says why. */
    static final class DashboardException extends Exception {

        private static final long serialVersionUID = 1L;

        DashboardException(String message) {
            super(message);
        }
    }
}
