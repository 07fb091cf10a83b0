package io.queryadvisor.advisor.rules.pooloversized;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.PoolScript;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;

/** pool-oversized judges the pool's sampled peak against its maximum. */
class PoolOversizedRuleTest {

    private static final PoolSettings FORTY = new PoolSettings(40, 40, 30_000, 1_800_000, 600_000, 0);

    private final PoolScript script = new PoolScript(new PoolOversizedRule(
            RuleWorkload.settings(PoolOversizedRule.ID, "minObserved", "60s")));

    @Test
    void flagsAPoolWhosePeakStayedFarBelowItsMaximum() {
        script.seconds(60, () -> script.sample(3, 37, 0, FORTY));

        Recommendation finding = script.recommendations().get(0);
        assertThat(finding.id()).isEqualTo("pool-oversized:" + PoolScript.POOL);
        assertThat(finding.evidence()).containsEntry("maxActive", 3L).containsEntry("suggestedMaximumPoolSize", 5L);
    }

    @Test
    void saysNothingBeforeThePoolWasWatchedLongEnough() {
        script.seconds(59, () -> script.sample(3, 37, 0, FORTY));

        assertThat(script.recommendations()).isEmpty();
    }

    @Test
    void saysNothingOfAPoolWhoseThreadsEverWaited() {
        script.seconds(60, () -> script.sample(3, 37, 0, FORTY)).sample(40, 0, 2, FORTY);

        assertThat(script.recommendations()).isEmpty();
    }
}
