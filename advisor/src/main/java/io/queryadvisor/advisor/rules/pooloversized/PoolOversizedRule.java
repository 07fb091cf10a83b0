package io.queryadvisor.advisor.rules.pooloversized;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.PoolFinding;
import io.queryadvisor.advisor.rules.support.PublishedUsageRule;

/**
 * {@code pool-oversized}: a pool whose peak use, over at least {@code minObserved} of sampled
 * gauges, stayed at or under {@code maxUsedShare} of its maximum, and where no thread ever waited.
 * Every connection it may open is a backend process (and memory) on the database, multiplied by
 * every instance of the application; HikariCP's own advice is a small, fixed-size pool.
 *
 * <p>The suggested maximum is the peak plus half of it again (at least 2 more) as headroom.
 * Stateless: it reads the pools' published usage. Settings, under
 * {@code queryadvisor.rules.pool-oversized.}: {@code minObserved} (default 5 min),
 * {@code maxUsedShare} (default 0.5).
 */
public final class PoolOversizedRule implements PublishedUsageRule {

    public static final String ID = "pool-oversized";

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Oversized pool",
            "Fine-tune pool settings to prevent exhaustion", RuleDescriptor.Kind.CONNECTION,
            "Most connections idle all the time: peak use far below the maximum and no thread ever waited; suggests"
                    + " a smaller maximum with HikariCP's pool-sizing reasoning.");

    private final long minSeconds;
    private final double maxUsedShare;

    public PoolOversizedRule(RuleSettings settings) {
        this.minSeconds = Math.max(1, settings.duration("minObserved", Duration.ofMinutes(5)).toSeconds());
        this.maxUsedShare = settings.decimal("maxUsedShare", 0.5, 0.01, 1.0);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Recommendation> recommend(RuleContext context) {
        List<Recommendation> found = new ArrayList<>();
        for (PoolView pool : context.pools().pools()) {
            int max = pool.settings().maximumPoolSize();
            int suggested = suggestedMaximum(pool.maxActive());
            if (pool.sampled() && pool.secondsSampled() >= minSeconds && max > 0 && pool.maxWaiting() <= 0
                    && pool.timeouts() == 0 && pool.maxActive() <= max * maxUsedShare && suggested < max) {
                found.add(recommendation(pool, suggested, context));
            }
        }
        return found;
    }

    static int suggestedMaximum(int peak) {
        return peak + Math.max(2, (peak + 1) / 2);
    }

    private Recommendation recommendation(PoolView pool, int suggested, RuleContext context) {
        int max = pool.settings().maximumPoolSize();
        return PoolFinding.about(ID, pool.name())
                .title("Oversized pool: " + pool.name() + " never used more than " + pool.maxActive() + " of its " + max
                        + " connections in " + pool.secondsSampled() + " s")
                .evidence("maximumPoolSize", (long) max)
                .evidence("minimumIdle", (long) pool.settings().minimumIdle())
                .evidence("maxActive", (long) pool.maxActive())
                .evidence("meanIdleSharePercent", Impact.percent(pool.meanIdleShare()))
                .evidence("secondsObserved", pool.secondsSampled())
                .evidence("concurrentConnectionsP95", pool.concurrent().p95())
                .evidence("suggestedMaximumPoolSize", (long) suggested)
                .impact(0, pool.secondsSampled())
                .suggestion(Suggestion.text("Lower maximumPoolSize from " + max + " to about " + suggested + " (the peak"
                        + " seen plus headroom), and set minimumIdle to the same value for a fixed-size pool as HikariCP"
                        + " advises. Each connection is a process and memory on the database for every instance of the"
                        + " application; HikariCP's sizing rule, connections = (database server cores x 2) + effective"
                        + " spindles, is usually far below the defaults. Watch this pool's waiting threads after the"
                        + " change (pool-saturation)."))
                .build(context);
    }
}
