package io.queryadvisor.advisor.rules.missingtimeout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.QueryTimeoutSet;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder;
import io.queryadvisor.advisor.rules.testing.PoolScript;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;

/** missing-timeout: statements with no query timeout, pools that let threads wait for ever. */
class MissingTimeoutRuleTest {

    private static final PoolSettings WAITS_FOREVER = new PoolSettings(10, 10, 0, 1_800_000, 600_000, 0);
    private static final PoolSettings FIVE_SECONDS = new PoolSettings(10, 10, 5_000, 1_800_000, 600_000, 0);

    private final PoolScript script = new PoolScript(new MissingTimeoutRule(
            RuleWorkload.settings(MissingTimeoutRule.ID, "minStatements", "3")));

    private void statements(int n) {
        for (int i = 0; i < n; i++) {
            script.feed(ObservedStatementBuilder.execution(ObservedStatementBuilder.fingerprint("SELECT 1")).build());
        }
    }

    @Test
    void flagsStatementsThatNeverRanWithAQueryTimeout() {
        script.sample(1, 9, 0, FIVE_SECONDS);
        statements(3);

        Recommendation finding = script.recommendations().get(0);
        assertThat(finding.id()).isEqualTo("missing-timeout:" + PoolScript.POOL + ":query");
        assertThat(finding.evidence()).containsEntry("statements", 3L);
    }

    @Test
    void saysNothingOnceTheApplicationSetsQueryTimeouts() {
        script.sample(1, 9, 0, FIVE_SECONDS).acquire(1, 0, null, null)
                .feed(new QueryTimeoutSet(1, "SELECT 1", 5, 0));
        statements(3);

        assertThat(script.recommendations()).isEmpty();
    }

    @Test
    void flagsAPoolWhoseThreadsWaitForEverForAConnection() {
        script.sample(1, 9, 0, WAITS_FOREVER);

        assertThat(script.recommendations()).extracting(Recommendation::id)
                .containsExactly("missing-timeout:" + PoolScript.POOL + ":connection");
    }
}
