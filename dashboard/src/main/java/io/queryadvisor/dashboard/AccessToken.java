package io.queryadvisor.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * The secret a request must carry to be answered: as {@code Authorization: Bearer <token>}, as a
 * {@code ?token=} query parameter (the link the agent prints), or as the cookie the dashboard sets
 * when the page was opened with that link, so that the page's own requests carry it. The cookie
 * is {@code HttpOnly} (no script reads it) and {@code SameSite=Strict} (no other site's page
 * sends it), and named for the port, since cookies do not tell ports apart and two dashboards may
 * run on one host.
 *
 * <p>Tokens are compared by their SHA-256 digests with {@link MessageDigest#isEqual}, in a time
 * that tells nothing of how much of a guess was right.
 */
final class AccessToken {

    static final String PARAMETER = "token";
    private static final String COOKIE_PREFIX = "queryadvisor-token-";
    private static final String BEARER = "Bearer ";
    private static final int GENERATED_BYTES = 32;

    private final String token;
    private final byte[] digest;
    private final String cookieName;

    AccessToken(String token, int port) {
        this.token = token;
        this.digest = sha256(token);
        this.cookieName = COOKIE_PREFIX + port;
    }

    /** 256 random bits, URL-safe: 43 characters. */
    static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return token;
    }

    /** How the request showed the token, or {@code null} when it did not (or showed a wrong one). */
    Presented presentedIn(Headers headers, Map<String, String> parameters) {
        if (matches(parameters.get(PARAMETER))) {
            return Presented.QUERY_PARAMETER;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && matches(authorization.substring(BEARER.length()).trim())) {
            return Presented.HEADER;
        }
        List<String> cookies = headers.get("Cookie");
        if (cookies != null) {
            for (String header : cookies) {
                for (String cookie : header.split(";")) {
                    int equals = cookie.indexOf('=');
                    if (equals > 0 && cookie.substring(0, equals).trim().equals(cookieName)
                            && matches(cookie.substring(equals + 1).trim())) {
                        return Presented.COOKIE;
                    }
                }
            }
        }
        return null;
    }

    /** The {@code Set-Cookie} value that lets the page's own requests carry the token. */
    String cookie() {
        return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where a request showed the token. */
    enum Presented {
        HEADER, QUERY_PARAMETER, COOKIE
    }
}
