package io.queryadvisor.advisor.rules.connectionleak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.pool.Checkout;
import io.queryadvisor.advisor.pool.OpenCheckouts;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.PoolFinding;

/**
 * {@code connection-leak}: a connection taken from a pool and not given back, or given back only
 * after being held far longer than its statements took. A leaked connection is lost to the pool
 * until the application closes it, so a few leaks become a pool that hangs every request.
 *
 * <p>A connection still out {@code threshold} after it was obtained is flagged on the next
 * {@code Tick} (its statements may still be running: a statement that long is the slow-query
 * rule's, and the pool's connection is lost for that long either way); one returned after being
 * held at least {@code threshold} longer than its statements took is counted as returned late.
 * One finding per pool, with the acquiring call sites.
 *
 * <p>Settings, under {@code queryadvisor.rules.connection-leak.}: {@code threshold} (default 30 s,
 * HikariCP's usual leakDetectionThreshold order of magnitude), {@code maxOpen} (default 10,000:
 * connections out followed at once).
 */
public final class ConnectionLeakRule implements Rule {

    public static final String ID = "connection-leak";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Connection leaks", "Use connection pooling",
            RuleDescriptor.Kind.CONNECTION,
            "Connections not returned to their pool, or held far longer than their statements took (30 s by default),"
                    + " with the call site that acquired them; suggests try-with-resources there.");

    private static final int MAX_SOURCES = 64;

    private final long thresholdNanos;
    private final OpenCheckouts open;
    private final Map<String, SourceLeaks> bySource = new LinkedHashMap<>();
    private long lastTickNanos;

    public ConnectionLeakRule(RuleSettings settings) {
        this.thresholdNanos = threshold(settings).toNanos();
        this.open = new OpenCheckouts(settings.integer("maxOpen", 10_000, 10, 10_000_000));
    }

    /** How long a connection may stay out (or idle beyond its statements); also drawn on the Pools charts. */
    public static Duration threshold(RuleSettings settings) {
        return settings.duration("threshold", Duration.ofSeconds(30));
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEvent(CaptureEvent event) {
        Checkout ended = open.onEvent(event);
        if (event instanceof ConnectionReleased e && ended != null) {
            SourceLeaks leaks = bySource.get(ended.source());
            double held = e.heldNanos() / 1e6;
            if (leaks != null && leaks.out.containsKey(e.connectionId())) {
                leaks.returned(e.connectionId(), held);
            } else if (e.heldNanos() - e.statementNanos() >= thresholdNanos) {
                SourceLeaks s = leaksOf(ended.source());
                if (s != null) {
                    s.returnedLate(ended, held, (e.heldNanos() - e.statementNanos()) / 1e6);
                }
            }
        } else if (event instanceof Tick t) {
            lastTickNanos = t.startNanos();
            judgeOpen(t.startNanos());
        }
    }

    private void judgeOpen(long now) {
        for (Checkout c : open.all()) { // oldest first
            long age = now - c.obtainedNanos();
            if (age < thresholdNanos) {
                break;
            }
            SourceLeaks leaks = leaksOf(c.source());
            if (leaks != null && !leaks.out.containsKey(c.connectionId())) {
                leaks.flagged(c, age / 1e6);
            }
        }
        // connections the bounded map forgot are not out any more as far as this rule can tell
        bySource.values().forEach(s -> s.out.keySet().removeIf(id -> open.get(id) == null));
    }

    private SourceLeaks leaksOf(String source) {
        SourceLeaks leaks = bySource.get(source);
        if (leaks == null && bySource.size() < MAX_SOURCES) {
            leaks = new SourceLeaks();
            bySource.put(source, leaks);
        }
        return leaks;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("openCheckoutsForgotten", open.forgotten());
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> found = new ArrayList<>();
        bySource.forEach((source, leaks) -> {
            if (leaks.leaks.checkouts() > 0) {
                found.add(recommendation(source, leaks, context));
            }
        });
        return found;
    }

    private Recommendation recommendation(String source, SourceLeaks leaks, RuleContext context) {
        double longestOut = 0;
        for (Checkout c : leaks.out.values()) {
            longestOut = Math.max(longestOut, (lastTickNanos - c.obtainedNanos()) / 1e6);
        }
        int stillOut = leaks.out.size();
        String where = leaks.leaks.describe("not sampled");
        String title = stillOut > 0
                ? "Connection leak: " + stillOut + " connection" + (stillOut == 1 ? "" : "s") + " of " + source
                        + " not returned after " + seconds(thresholdNanos / 1e6) + ", taken at " + where
                : "Connection leak: " + leaks.returnedLate + " connection" + (leaks.returnedLate == 1 ? "" : "s") + " of "
                        + source + " held " + seconds(thresholdNanos / 1e6) + " or more beyond their statements, taken at "
                        + where;
        PoolView pool = context.pools().pool(source);
        PoolFinding finding = PoolFinding.about(ID, source)
                .title(title)
                .evidence("notReturned", (long) stillOut)
                .evidence("returnedLate", leaks.returnedLate)
                .evidence("longestHeldSeconds", Math.max(longestOut, leaks.longestReturnedMillis) / 1000.0)
                .evidence("thresholdSeconds", thresholdNanos / 1e9)
                .evidence("callSites", where)
                .evidence("thread", leaks.leaks.longestThread() == null ? "unknown" : leaks.leaks.longestThread());
        if (pool != null && pool.settings().maximumPoolSize() > 0) {
            finding.evidence("maximumPoolSize", (long) pool.settings().maximumPoolSize());
        }
        return finding.callSites(leaks.leaks.callSites())
                .impact(leaks.leaks.idleMillis(), leaks.leaks.checkouts())
                .suggestion(suggestion(where, pool))
                .build(context);
    }

    private Suggestion suggestion(String where, PoolView pool) {
        String detection = pool != null && pool.sampled() && pool.settings().leakDetectionThresholdMillis() == 0
                ? " HikariCP's leakDetectionThreshold is off on this pool: setting it (e.g. 60000) makes the pool log the"
                        + " stack of such checkouts too."
                : "";
        return Suggestion.withJava("Close the connection on every path where it is acquired (" + where + "): with"
                + " try-with-resources, or let the framework own it (Spring's JdbcTemplate, @Transactional). Work that"
                + " does not need the database belongs outside the block." + detection,
                "try (Connection connection = dataSource.getConnection()) {\n"
                        + "    // statements only\n"
                        + "} // returned to the pool here, whatever is thrown");
    }

    static String seconds(double millis) {
        return millis >= 1000 ? Math.round(millis / 100.0) / 10.0 + " s" : Math.round(millis) + " ms";
    }
}
