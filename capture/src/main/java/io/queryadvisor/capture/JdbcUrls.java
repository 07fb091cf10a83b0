package io.queryadvisor.capture;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: with any password or secret parameter's value masked. */
public final class JdbcUrls {

    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|sslpassword|sslkey)=)[^&;:]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^/@]*@");

    private JdbcUrls() {
    }

    public static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }
}
