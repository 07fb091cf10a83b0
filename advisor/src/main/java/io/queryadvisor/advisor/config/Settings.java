package io.queryadvisor.advisor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configuration value, keyed by its dotted name ({@code dashboard.port},
 * {@code rules.slow-query.threshold}), with where it came from.
 *
 * <p>Keys match whatever their spelling: {@code dashboard.port}, {@code DASHBOARD_PORT} and
 * {@code dashboardPort} are one key (case, dots, dashes and underscores are ignored), so that an
 * environment variable {@code QUERYADVISOR_RULES_SLOW_QUERY_THRESHOLD} sets
 * {@code rules.slow-query.threshold}.
 *
 * <p>Typed getters validate once, at start, and their errors name the property and its source,
 * as HikariConfig does. Keys that nothing read are reported by {@link #unusedKeys()}, so a typo
 * does not pass in silence.
 */
public final class Settings {

    /**
     * A value and where it came from.
     *
     * @param key    the key as the user spelled it
     * @param value  the value
     * @param origin "agent argument", "system property queryadvisor.x", ...
     */
    public record Value(String key, String value, String origin) {
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)?");

    private final Map<String, Value> values;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    /** Where invalid values are recorded while {@link #validated} runs; null: they are thrown. */
    private List<String> errors;

    private Settings(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Settings from values in increasing precedence: a later value for the same key wins. */
    public static Settings of(List<Value> values) {
        Map<String, Value> map = new LinkedHashMap<>();
        for (Value v : values) {
            map.put(canonical(v.key()), v);
        }
        return new Settings(map);
    }

    /** The form keys are compared in: lower case, without dots, dashes and underscores. */
    public static String canonical(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '.' && c != '-' && c != '_') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    /** Plain key/value pairs, all from one origin; handy in tests. */
    public static Settings fromStrings(Map<String, String> values, String origin) {
        List<Value> list = new ArrayList<>();
        values.forEach((k, v) -> list.add(new Value(k, v, origin)));
        return of(list);
    }

    public String string(String key, String defaultValue) {
        Value v = lookup(key);
        return v == null ? defaultValue : v.value();
    }

    public boolean bool(String key, boolean defaultValue) {
        Value v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        switch (v.value().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                return rejected(key, v, "true or false", defaultValue);
        }
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Value v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.value().trim().replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return rejected(key, v, "a whole number from " + min + " to " + max, defaultValue);
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Value v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.value().trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return rejected(key, v, "a number from " + min + " to " + max, defaultValue);
    }

    /** A duration such as {@code 250ms}, {@code 2s}, {@code 1m}; a bare number means milliseconds. */
    public Duration duration(String key, Duration defaultValue) {
        Value v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(v.value().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return rejected(key, v, "a duration such as 250ms, 2s or 1m", defaultValue);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double nanos = switch (unit) {
            case "ns" -> amount;
            case "us", "µs" -> amount * 1e3;
            case "ms" -> amount * 1e6;
            case "s" -> amount * 1e9;
            case "m" -> amount * 60e9;
            default -> amount * 3600e9;
        };
        return Duration.ofNanos((long) nanos);
    }

    /** A comma-separated list; blanks are dropped. */
    public List<String> list(String key, List<String> defaultValue) {
        Value v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        for (String part : v.value().split(",")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        return List.copyOf(items);
    }

    /** Whether a key was given at all. */
    public boolean has(String key) {
        return values.containsKey(canonical(key));
    }

    /** Keys (as the user spelled them) that were given but that no component asked for: most likely typos. */
    public Set<String> unusedKeys() {
        Set<String> unused = new TreeSet<>();
        values.forEach((canonicalKey, v) -> {
            if (!read.contains(canonicalKey)) {
                unused.add(v.key() + " (from " + v.origin() + ")");
            }
        });
        return unused;
    }

    /**
     * Marks every given key under {@code prefix} as read: the settings of a component that is
     * switched off are meant, not typos, and are accepted quietly.
     */
    public void acceptPrefix(String prefix) {
        String p = canonical(prefix);
        for (String canonicalKey : values.keySet()) {
            if (canonicalKey.startsWith(p)) {
                read.add(canonicalKey);
            }
        }
    }

    /** Where a key's value came from, for messages; {@code "default"} when not given. */
    public String origin(String key) {
        Value v = values.get(canonical(key));
        return v == null ? "default" : v.origin();
    }

    private Value lookup(String key) {
        String canonicalKey = canonical(key);
        read.add(canonicalKey);
        return values.get(canonicalKey);
    }

    /**
     * Builds a configuration with every invalid value said at once: inside {@code build}, a value
     * that is wrong is recorded (and its default used, so that the rest is still read and checked)
     * instead of thrown; then one {@link ConfigurationException} names them all. A user who got two
     * values wrong learns it from one start, not two.
     */
    public <T> T validated(Supplier<T> build) {
        List<String> mine = new ArrayList<>();
        errors = mine;
        T built = null;
        try {
            built = build.get();
        } catch (ConfigurationException e) {
            mine.add(e.getMessage());
        } finally {
            errors = null;
        }
        if (mine.size() == 1) {
            throw new ConfigurationException(mine.get(0));
        }
        if (!mine.isEmpty()) {
            throw new ConfigurationException(mine.size() + " settings are wrong: " + String.join("; ", mine));
        }
        return built;
    }

    /** Inside {@link #validated}, records a problem found by a component itself (a value against another). */
    public void reject(ConfigurationException e) {
        if (errors == null) {
            throw e;
        }
        errors.add(e.getMessage());
    }

    private <T> T rejected(String key, Value v, String expected, T defaultValue) {
        reject(new ConfigurationException("queryadvisor." + key + ": expected " + expected + ", got '" + v.value()
                + "' (from " + v.origin() + ")"));
        return defaultValue;
    }
}
