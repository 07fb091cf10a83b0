package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.db.ShopDatabaseInitializer;
import io.queryadvisor.samples.springshop.traffic.TrafficLimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's command line, parsed and validated once at start.
 *
 * @param jdbcUrl  the PostgreSQL to use, or null to start an embedded one
 * @param user     user for {@code jdbcUrl}, or null
 * @param password password for {@code jdbcUrl}, or null
 * @param port     the HTTP port; 0 picks a free one
 * @param limit    when the traffic ends by itself
 * @param threads  threads calling the endpoints
 * @param linger   how long to stay up after the traffic, so that a dashboard can still be read
 * @param seed     seeds the traffic's parameters
 * @param schema   the schema the shop's tables live in (dropped and recreated at start)
 * @param help     whether {@code --help} was given (then nothing else matters)
 */
public record ShopOptions(String jdbcUrl, String user, String password, int port, TrafficLimit limit, int threads,
                          Duration linger, long seed, String schema, boolean help) {

    public static final String USAGE = """
            usage: java [-javaagent:query-advisor-agent.jar] -jar query-advisor-spring-shop.jar [options]

              --jdbc-url URL     PostgreSQL to use (default: start an embedded PostgreSQL, stopped on exit)
              --user U           user for --jdbc-url
              --password P       password for --jdbc-url
              --port N           HTTP port of the REST endpoints (default 8080; 0 picks a free one)
              --duration 60s     run the traffic this long (ms, s, m, h; default: until Ctrl+C)
              --iterations N     run exactly N traffic iterations (exclusive with --duration)
              --threads N        threads calling the endpoints (default 2)
              --linger 30s       stay up this long after the traffic ends (default 0)
              --seed N           seed of the traffic's parameters (default 42)
              --schema NAME      schema of the shop's tables, DROPPED and recreated at start (default spring_shop)
              --help             print this and exit
            """;

    private static final Set<String> WITH_VALUE = Set.of(
            "jdbc-url", "user", "password", "port", "duration", "iterations", "threads", "linger", "seed", "schema");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    /** Parses {@code --name value} and {@code --name=value} options. */
    public static ShopOptions parse(String... args) throws InvalidOptionException {
        Map<String, String> given = collect(args);
        if (given.containsKey("help")) {
            return new ShopOptions(null, null, null, 8080, TrafficLimit.untilStopped(), 2, Duration.ZERO, 42, "spring_shop", true);
        }
        String jdbcUrl = given.get("jdbc-url");
        if (jdbcUrl == null && (given.containsKey("user") || given.containsKey("password"))) {
            throw new InvalidOptionException("--user and --password need --jdbc-url (the embedded database has its own)");
        }
        if (given.containsKey("iterations") && given.containsKey("duration")) {
            throw new InvalidOptionException("--iterations and --duration are exclusive: give one or neither");
        }
        TrafficLimit limit = given.containsKey("iterations")
                ? TrafficLimit.ofIterations(number(given, "iterations", 1, Long.MAX_VALUE, 0))
                : given.containsKey("duration") ? TrafficLimit.ofDuration(duration(given, "duration", false)) : TrafficLimit.untilStopped();
        String schema = given.getOrDefault("schema", "spring_shop");
        String schemaProblem = ShopDatabaseInitializer.problemWith(schema).orElse(null);
        if (schemaProblem != null) {
            throw new InvalidOptionException("--schema: " + schemaProblem);
        }
        return new ShopOptions(jdbcUrl, given.get("user"), given.get("password"),
                (int) number(given, "port", 0, 65535, 8080), limit,
                (int) number(given, "threads", 1, 256, 2),
                given.containsKey("linger") ? duration(given, "linger", true) : Duration.ZERO,
                number(given, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 42),
                schema, false);
    }

    public boolean usesEmbeddedDatabase() {
        return jdbcUrl == null;
    }

    private static Map<String, String> collect(String[] args) throws InvalidOptionException {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new InvalidOptionException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            String value;
            if (name.equals("help") && equals < 0) {
                value = "";
            } else if (!WITH_VALUE.contains(name)) {
                throw new InvalidOptionException("unknown option --" + name);
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new InvalidOptionException("--" + name + " needs a value");
            }
            if (given.put(name, value) != null) {
                throw new InvalidOptionException("--" + name + " is given twice");
            }
        }
        return given;
    }

    private static long number(Map<String, String> given, String name, long min, long max, long defaultValue)
            throws InvalidOptionException {
        String text = given.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new InvalidOptionException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("--" + name + ": '" + text + "' is not a whole number");
        }
    }

    private static Duration duration(Map<String, String> given, String name, boolean zeroAllowed) throws InvalidOptionException {
        String text = given.get(name).trim();
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidOptionException("--" + name + ": '" + text + "' is not a duration (examples: 500ms, 60s, 5m, 1h)");
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration;
        try {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
            duration.toNanos(); // the loop counts in nanoseconds: about 292 years at most
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidOptionException("--" + name + ": '" + text + "' is too long");
        }
        if (duration.isZero() && !zeroAllowed) {
            throw new InvalidOptionException("--" + name + " must be longer than 0");
        }
        return duration;
    }

    /** A command line the shop cannot run with; the message names the option. */
    public static final class InvalidOptionException extends Exception {

        public InvalidOptionException(String message) {
            super(message);
        }
    }
}
