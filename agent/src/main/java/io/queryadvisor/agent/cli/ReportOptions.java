package io.queryadvisor.agent.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code report}: where the dashboard is, which format, where to write it, and the
 * dashboard's token.
 *
 * @param from   the dashboard's base URL, without a trailing slash
 * @param format {@code json}, {@code md} or {@code html}
 * @param out    the file to write, or {@code null} for standard output
 * @param token  the token a dashboard bound beyond loopback asks for, or {@code null}
 */
record ReportOptions(URI from, String format, Path out, String token) {

    ReportOptions(URI from, String format, Path out) {
        this(from, format, out, null);
    }

    /** Where the dashboard listens unless configured otherwise ({@code dashboard.port}). */
    static final String DEFAULT_FROM = "http://127.0.0.1:7070";

    /** The options after the word {@code report}: {@code --from URL}, {@code --format F}, {@code --out FILE}, {@code --token T}. */
    static ReportOptions parse(List<String> args) throws UsageException {
        String from = null;
        String format = null;
        String out = null;
        String token = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value;
            if (!name.equals(arg)) {
                value = arg.substring(equals + 1);
            } else if (name.startsWith("-") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = null;
            }
            switch (name) {
                case "--from" -> from = once(name, from, value);
                case "--format" -> format = once(name, format, value);
                case "--out" -> out = once(name, out, value);
                case "--token" -> token = once(name, token, value);
                default -> throw new UsageException(name.startsWith("-")
                        ? "unknown option '" + name + "'" : "unexpected argument '" + arg + "'");
            }
        }
        Path outPath = out == null ? null : path(out);
        return new ReportOptions(baseUrl(from == null ? DEFAULT_FROM : from), chosenFormat(format, outPath), outPath, token);
    }

    /** {@code <from>/api/report?format=<format>}. */
    URI reportUri() {
        return URI.create(from + "/api/report?format=" + format);
    }

    private static String once(String name, String previous, String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        if (previous != null) {
            throw new UsageException(name + " is given twice");
        }
        return value.strip();
    }

    /**
     * The format's canonical name, or {@code null} if it names none. These are the names the
     * dashboard's {@code ReportFormat.parse} accepts; they are repeated here because this command
     * uses nothing but the JDK (so {@code java -jar} starts fast) and refuses a bad name before any
     * network call.
     */
    static String canonicalFormat(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> "json";
            case "md", "markdown" -> "md";
            case "html", "htm" -> "html";
            default -> null;
        };
    }

    private static String chosenFormat(String format, Path out) throws UsageException {
        if (format != null) {
            String canonical = canonicalFormat(format);
            if (canonical == null) {
                throw new UsageException("unknown report format '" + format + "': use json, md or html");
            }
            return canonical;
        }
        String name = out == null || out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "json";
        }
        String canonical = canonicalFormat(name.substring(dot + 1));
        if (canonical == null) {
            throw new UsageException("cannot tell the report format of '" + out
                    + "': end its name with .json, .md or .html, or add --format");
        }
        return canonical;
    }

    private static Path path(String out) throws UsageException {
        try {
            return Path.of(out);
        } catch (InvalidPathException e) {
            throw new UsageException("--out " + out + " is not a valid file name: " + e.getReason());
        }
    }

    private static URI baseUrl(String from) throws UsageException {
        // "127.0.0.1:7070" would parse as a URI with scheme "127.0.0.1"; a missing scheme means http.
        String text = from.contains("://") ? from : "http://" + from;
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new UsageException("--from " + from + " is not a dashboard URL like " + DEFAULT_FROM);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--from " + from + " is not a dashboard URL like " + DEFAULT_FROM);
        }
    }
}
