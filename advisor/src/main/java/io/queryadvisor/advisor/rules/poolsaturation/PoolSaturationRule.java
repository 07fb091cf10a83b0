package io.queryadvisor.advisor.rules.poolsaturation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.pool.CallSiteUsage;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.PoolFinding;
import io.queryadvisor.advisor.rules.support.PublishedUsageRule;

/**
 * {@code pool-saturation}: the pool had no free connection when the application asked. Seen as
 * threads waiting in the pool's own gauges (sampled each second), as a slow acquire p95 (measured
 * on every checkout, for any data source), or as acquisition timeouts.
 *
 * <p>The suggestion tells the two causes apart: when the longest holders hold their connections
 * long ({@code holdThreshold}), a larger pool only hides them, so it names them; otherwise demand
 * (active plus waiting, at its peak) exceeds the maximum, and it proposes a size, with HikariCP's
 * pool-sizing reasoning. Stateless: it reads the pools' published usage.
 *
 * <p>Settings, under {@code queryadvisor.rules.pool-saturation.}: {@code minWaiting} (default 1
 * thread), {@code acquireThreshold} (default 100 ms), {@code minAcquisitions} (default 20, before
 * the acquire p95 is judged), {@code holdThreshold} (default 500 ms).
 */
public final class PoolSaturationRule implements PublishedUsageRule {

    public static final String ID = "pool-saturation";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Pool saturation",
            "Fine-tune pool settings to prevent exhaustion", RuleDescriptor.Kind.CONNECTION,
            "Threads waiting for a connection, slow acquisitions, acquisition timeouts; says when and how many, and"
                    + " whether a larger pool helps or connections are held too long, and where.");

    private static final int HOLDERS_NAMED = 3;

    private final int minWaiting;
    private final double acquireThresholdMillis;
    private final int minAcquisitions;
    private final double holdThresholdMillis;

    public PoolSaturationRule(RuleSettings settings) {
        this.minWaiting = settings.integer("minWaiting", 1, 1, 100_000);
        this.acquireThresholdMillis = acquireThresholdMillis(settings);
        this.minAcquisitions = settings.integer("minAcquisitions", 20, 1, 10_000_000);
        this.holdThresholdMillis = settings.duration("holdThreshold", Duration.ofMillis(500)).toNanos() / 1e6;
    }

    /** The acquire p95 above which the pool is saturated, in milliseconds; also drawn on the Pools charts. */
    public static double acquireThresholdMillis(RuleSettings settings) {
        return settings.duration("acquireThreshold", Duration.ofMillis(100)).toNanos() / 1e6;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> found = new ArrayList<>();
        for (PoolView pool : context.pools().pools()) {
            boolean waited = pool.maxWaiting() >= minWaiting;
            boolean slow = pool.acquire().count() >= minAcquisitions && pool.acquire().p95Millis() >= acquireThresholdMillis;
            if (waited || slow || pool.timeouts() > 0) {
                found.add(recommendation(pool, context));
            }
        }
        return found;
    }

    private Recommendation recommendation(PoolView pool, RuleContext context) {
        List<CallSiteUsage> holders = pool.callSites().stream().limit(HOLDERS_NAMED).toList();
        String named = holders.isEmpty() ? "not sampled"
                : String.join(", ", holders.stream().map(h -> h.where() + " (hold p95 " + h.holdP95Millis() + " ms)").toList());
        PoolFinding finding = PoolFinding.about(ID, pool.name()).title(title(pool));
        if (pool.maxWaiting() >= 0) {
            finding.evidence("maxThreadsWaiting", (long) pool.maxWaiting())
                    .evidence("maxWaitingAt", pool.maxWaitingAtEpochMillis() == 0 ? "never"
                            : Instant.ofEpochMilli(pool.maxWaitingAtEpochMillis()).toString())
                    .evidence("secondsWithThreadsWaiting", pool.secondsWithWaiting());
        }
        finding.evidence("acquisitions", pool.acquire().count())
                .evidence("acquireP95Millis", pool.acquire().p95Millis())
                .evidence("acquireMaxMillis", pool.acquire().maxMillis())
                .evidence("acquireTimeouts", pool.timeouts());
        if (pool.lastTimeoutEpochMillis() > 0) {
            finding.evidence("lastTimeoutAt", Instant.ofEpochMilli(pool.lastTimeoutEpochMillis()).toString());
        }
        if (pool.settings().maximumPoolSize() > 0) {
            finding.evidence("maximumPoolSize", (long) pool.settings().maximumPoolSize())
                    .evidence("maxActive", (long) pool.maxActive());
        }
        return finding.evidence("holdP95Millis", pool.hold().p95Millis())
                .evidence("longestHolders", named)
                .impact(pool.acquire().totalMillis(), Math.max(pool.acquire().count(), pool.timeouts()))
                .suggestion(suggestion(pool, holders, named))
                .build(context);
    }

    private String title(PoolView pool) {
        List<String> what = new ArrayList<>();
        if (pool.maxWaiting() >= minWaiting) {
            what.add("up to " + pool.maxWaiting() + " thread" + (pool.maxWaiting() == 1 ? "" : "s") + " waited for a connection");
        }
        if (pool.acquire().count() >= minAcquisitions && pool.acquire().p95Millis() >= acquireThresholdMillis) {
            what.add("acquire p95 " + pool.acquire().p95Millis() + " ms");
        }
        if (pool.timeouts() > 0) {
            what.add(pool.timeouts() + " acquisition timeout" + (pool.timeouts() == 1 ? "" : "s"));
        }
        return "Pool saturation: " + pool.name() + " ran out of connections (" + String.join(", ", what) + ")";
    }

    private Suggestion suggestion(PoolView pool, List<CallSiteUsage> holders, String named) {
        boolean heldLong = !holders.isEmpty() && holders.get(0).holdP95Millis() >= holdThresholdMillis;
        if (heldLong) {
            return Suggestion.text("Connections are held too long: " + named + ". A larger pool would only hide"
                    + " that; hold each connection only around its statements (no remote calls, files or waiting"
                    + " inside the checkout, short transactions), then look at the pool's size again.");
        }
        int max = pool.settings().maximumPoolSize();
        int demand = Math.max(pool.maxActive(), 0) + Math.max(pool.maxWaiting(), 0);
        String size = max > 0 && demand > max
                ? "Demand peaked at " + demand + " connections (active and waiting) for a maximum of " + max
                        + ": raise maximumPoolSize towards " + demand + ", "
                : "Raise maximumPoolSize, ";
        return Suggestion.text(size + "staying well within the database's max_connections summed over every instance"
                + " of the application. HikariCP's pool-sizing rule of thumb is connections = (database server cores"
                + " x 2) + effective spindles: beyond that the database gets slower, not faster, so if demand is"
                + " above it, make checkouts shorter or fewer (batch, cache) rather than the pool larger.");
    }
}
