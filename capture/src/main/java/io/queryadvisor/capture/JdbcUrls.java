package io.queryadvisor.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as they may be shown: the whole value of every secret masked, wherever the URL
 * syntax of a driver puts it.
 *
 * <ul>
 *   <li>parameters whose name speaks of a secret ({@code password}, {@code passwd}, {@code pwd},
 *       {@code sslpassword}, {@code secret}, {@code token}, {@code apiKey}, {@code passphrase}...,
 *       any case), in a query string ({@code ?user=a&password=b}), in {@code ;name=value}
 *       segments (SQL Server, H2, DB2) and in MySQL's {@code (name=value)} host groups;</li>
 *   <li>the password of {@code //user:password@host};</li>
 *   <li>Oracle's {@code jdbc:oracle:thin:user/password@...}.</li>
 * </ul>
 *
 * A value ends only where another parameter begins ({@code &}, {@code ;} or {@code ,} followed
 * by {@code name=}, or a group's {@code )}), never at a character a password may contain: the
 * value of {@code password=a:b&c} is {@code a:b&c}.
 */
public final class JdbcUrls {

    static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass|pwd|secret|token|key|credential).*");
    private static final Pattern ORACLE_CREDENTIALS = Pattern.compile("(?i)^jdbc:oracle:[a-z0-9]+:[^/@:]+/");
    /** Characters after which a parameter's name starts. */
    private static final String BEFORE_NAME = "?&;,(:/ ";

    private JdbcUrls() {
    }

    public static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        return withoutOracleCredentials(withoutUserInfoPassword(withoutSecretParameters(url)));
    }

    private static String withoutSecretParameters(String url) {
        StringBuilder out = new StringBuilder(url.length());
        int copied = 0;
        int equals = url.indexOf('=');
        while (equals >= 0) {
            int nameStart = equals;
            while (nameStart > copied && BEFORE_NAME.indexOf(url.charAt(nameStart - 1)) < 0) {
                nameStart--;
            }
            if (nameStart < equals && SECRET_NAME.matcher(url.substring(nameStart, equals)).matches()) {
                int end = valueEnd(url, equals + 1);
                out.append(url, copied, equals + 1).append(MASK);
                copied = end;
                equals = url.indexOf('=', end);
            } else {
                equals = url.indexOf('=', equals + 1);
            }
        }
        return out.append(url, copied, url.length()).toString();
    }

    /** Where the value that starts at {@code from} ends: where the next parameter or the group begins or ends. */
    private static int valueEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if ((c == '&' || c == ';' || c == ',') && startsParameter(url, i + 1)) {
                return i;
            }
            if (c == ')' && (i + 1 == url.length() || "()/],?".indexOf(url.charAt(i + 1)) >= 0)) {
                return i;
            }
        }
        return url.length();
    }

    /** Whether {@code name=} starts at {@code from}, or the URL ends there (a trailing {@code ;}). */
    private static boolean startsParameter(String url, int from) {
        int i = from;
        while (i < url.length() && (Character.isLetterOrDigit(url.charAt(i)) || url.charAt(i) == '_'
                || url.charAt(i) == '-' || url.charAt(i) == '.')) {
            i++;
        }
        return from == url.length() || i > from && i < url.length() && url.charAt(i) == '=';
    }

    /**
     * {@code //user:password@host}: the password runs to the last {@code @} before the query or
     * the first {@code ;} (a password may hold {@code @} and {@code :}).
     */
    private static String withoutUserInfoPassword(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return url;
        }
        int authority = slashes + 2;
        int end = url.length();
        for (int i = authority; i < url.length(); i++) {
            if ("?#;".indexOf(url.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        int colon = url.indexOf(':', authority);
        if (at < authority || colon < 0 || colon > at || url.substring(authority, colon).indexOf('/') >= 0) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    /** {@code jdbc:oracle:thin:scott/tiger@//db:1521/svc}: the password runs to the last {@code @}. */
    private static String withoutOracleCredentials(String url) {
        Matcher credentials = ORACLE_CREDENTIALS.matcher(url);
        int at = url.lastIndexOf('@');
        if (!credentials.find() || at < credentials.end()) {
            return url;
        }
        return url.substring(0, credentials.end()) + MASK + url.substring(at);
    }
}
