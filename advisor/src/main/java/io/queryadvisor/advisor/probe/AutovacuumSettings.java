package io.queryadvisor.advisor.probe;

import java.util.Map;

/**
 * When autovacuum vacuums and analyzes a table: after {@code threshold + scaleFactor * rows} dead
 * rows, or changed rows for analyze (PostgreSQL's own formula).
 *
 * @param enabled                whether the autovacuum launcher runs at all
 * @param vacuumThreshold        {@code autovacuum_vacuum_threshold}
 * @param vacuumScaleFactor      {@code autovacuum_vacuum_scale_factor}
 * @param analyzeThreshold       {@code autovacuum_analyze_threshold}
 * @param analyzeScaleFactor     {@code autovacuum_analyze_scale_factor}
 */
public record AutovacuumSettings(boolean enabled, long vacuumThreshold, double vacuumScaleFactor,
                                 long analyzeThreshold, double analyzeScaleFactor) {

    /** PostgreSQL's defaults. */
    public static final AutovacuumSettings DEFAULTS = new AutovacuumSettings(true, 50, 0.2, 50, 0.1);

    /** These settings as one table's storage options ({@code autovacuum_enabled=false} ...) override them. */
    public AutovacuumSettings forTable(Map<String, String> options) {
        return new AutovacuumSettings(enabled && !offFor(options),
                longOption(options, "autovacuum_vacuum_threshold", vacuumThreshold),
                doubleOption(options, "autovacuum_vacuum_scale_factor", vacuumScaleFactor),
                longOption(options, "autovacuum_analyze_threshold", analyzeThreshold),
                doubleOption(options, "autovacuum_analyze_scale_factor", analyzeScaleFactor));
    }

    /** Whether a table's storage options turn autovacuum off for it ({@code autovacuum_enabled = false}). */
    public static boolean offFor(Map<String, String> options) {
        String value = options.get("autovacuum_enabled");
        return value != null && (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off")
                || value.equals("0") || value.equalsIgnoreCase("no"));
    }

    /** Dead rows after which autovacuum vacuums a table of {@code rows} rows. */
    public double vacuumAfter(double rows) {
        return vacuumThreshold + vacuumScaleFactor * Math.max(0, rows);
    }

    /** Changed rows after which autovacuum analyzes a table of {@code rows} rows. */
    public double analyzeAfter(double rows) {
        return analyzeThreshold + analyzeScaleFactor * Math.max(0, rows);
    }

    private static long longOption(Map<String, String> options, String key, long fallback) {
        try {
            return options.containsKey(key) ? Long.parseLong(options.get(key).trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double doubleOption(Map<String, String> options, String key, double fallback) {
        try {
            return options.containsKey(key) ? Double.parseDouble(options.get(key).trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
