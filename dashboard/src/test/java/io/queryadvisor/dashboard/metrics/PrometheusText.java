package io.queryadvisor.dashboard.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format, version 0.0.4, as Prometheus's own
 * {@code expfmt} reads it: for tests, which must fail on anything a scrape would reject. It checks
 * metric and label names, label value escapes ({@code \\ \" \n} only), values as Go's
 * {@code ParseFloat} reads them, one {@code # TYPE} per family and before its samples, every family's
 * lines together, the suffixes a counter, summary or histogram may carry, and no series twice.
 */
public final class PrometheusText {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:Inf|inf|NaN|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One line of data: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One metric family: its {@code # TYPE} (untyped when none), {@code # HELP} and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Set<String> series = new HashSet<>();
    private String current;
    private int lineNumber;

    private PrometheusText() {
    }

    /** The families of {@code text}, in order. @throws IllegalArgumentException naming the line at fault */
    public static Map<String, Family> parse(String text) {
        PrometheusText parser = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        for (String line : text.split("\n", -1)) {
            parser.lineNumber++;
            try {
                parser.line(line);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("line " + parser.lineNumber + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return parser.families;
    }

    private void line(String line) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#")) {
            comment(line);
        } else {
            sample(line);
        }
    }

    private void comment(String line) {
        String[] parts = line.split("[ \t]+", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return; // a plain comment
        }
        String name = require(METRIC_NAME, parts[2], "metric name");
        Family family = enter(name);
        if (parts[1].equals("TYPE")) {
            String type = parts.length > 3 ? parts[3].strip() : "";
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown type '" + type + "'");
            }
            if (!family.type().equals("untyped") || !family.samples().isEmpty()) {
                throw new IllegalArgumentException("TYPE of " + name + " given twice or after its samples");
            }
            families.put(name, new Family(name, type, family.help(), family.samples()));
        } else {
            if (family.help() != null) {
                throw new IllegalArgumentException("HELP of " + name + " given twice");
            }
            families.put(name, new Family(name, family.type(), parts.length > 3 ? parts[3] : "", family.samples()));
        }
    }

    private void sample(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
            end++;
        }
        String name = require(METRIC_NAME, line.substring(0, end), "metric name");
        Map<String, String> labels = new TreeMap<>();
        int at = end;
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        String[] rest = line.substring(at).strip().split("[ \t]+");
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("expected a value and at most a timestamp");
        }
        double value = parseValue(require(FLOAT, rest[0], "value"));
        if (rest.length == 2) {
            require(TIMESTAMP, rest[1], "timestamp");
        }
        Family family = enter(familyOf(name));
        checkSuffix(family, name, labels);
        if (!series.add(name + labels)) {
            throw new IllegalArgumentException("series " + name + labels + " given twice");
        }
        family.samples().add(new Sample(name, Map.copyOf(labels), value));
    }

    /** Reads labels from just after '{' to just after '}'; returns that position. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            if (line.charAt(at) == '}') {
                return at + 1;
            }
            int eq = line.indexOf('=', at);
            String label = require(LABEL_NAME, line.substring(at, eq).strip(), "label name");
            at = eq + 1;
            if (line.charAt(at) != '"') {
                throw new IllegalArgumentException("label value of " + label + " not quoted");
            }
            StringBuilder value = new StringBuilder();
            at++;
            for (char c = line.charAt(at); c != '"'; c = line.charAt(at)) {
                if (c == '\\') {
                    char escaped = line.charAt(++at);
                    value.append(switch (escaped) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                    });
                } else {
                    value.append(c);
                }
                at++;
            }
            if (label.startsWith("__") || labels.put(label, value.toString()) != null) {
                throw new IllegalArgumentException("label " + label + " reserved or given twice");
            }
            at++;
            if (line.charAt(at) == ',') {
                at++;
            } else if (line.charAt(at) != '}') {
                throw new IllegalArgumentException("expected ',' or '}' after label " + label);
            }
        }
    }

    /** The family a sample belongs to: the one already open whose name it extends by a legal suffix, else its own. */
    private String familyOf(String sample) {
        if (current != null && !current.equals(sample) && sample.startsWith(current)) {
            String type = families.get(current).type();
            String suffix = sample.substring(current.length());
            boolean legal = switch (type) {
                case "summary" -> suffix.equals("_sum") || suffix.equals("_count");
                case "histogram" -> suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_bucket");
                default -> false;
            };
            if (legal) {
                return current;
            }
        }
        return sample;
    }

    private static void checkSuffix(Family family, String sample, Map<String, String> labels) {
        switch (family.type()) {
            case "histogram" -> {
                if (sample.endsWith("_bucket") && !labels.containsKey("le")) {
                    throw new IllegalArgumentException("histogram bucket without le");
                }
            }
            case "summary" -> {
                if (sample.equals(family.name()) && !labels.containsKey("quantile")) {
                    throw new IllegalArgumentException("summary sample without quantile");
                }
            }
            default -> {
                // counters, gauges and untyped samples carry the family's own name
            }
        }
    }

    /** The family {@code name}, opened now; a family's lines must not be split by another's. */
    private Family enter(String name) {
        if (!name.equals(current)) {
            if (closed.contains(name)) {
                throw new IllegalArgumentException("lines of " + name + " are not together");
            }
            if (current != null) {
                closed.add(current);
            }
            current = name;
        }
        return families.computeIfAbsent(name, n -> new Family(n, "untyped", null, new ArrayList<>()));
    }

    private static double parseValue(String value) {
        String v = value.replaceFirst("^\\+", "");
        return switch (v.toLowerCase()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static String require(Pattern pattern, String text, String what) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("not a " + what + ": '" + text + "'");
        }
        return text;
    }
}
