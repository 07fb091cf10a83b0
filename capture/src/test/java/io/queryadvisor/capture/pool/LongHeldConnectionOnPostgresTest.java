package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.pools.ConnectionHolders;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.SourceLines;

/** A connection held across work that is not the database's, through HikariCP on PostgreSQL. */
class LongHeldConnectionOnPostgresTest {

    @Test
    void aConnectionHeldAcrossASleepIsLongHeldAtItsCallSite() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), 2, Duration.ofSeconds(30),
                "rules.long-held-connection.threshold", "200ms")) {
            new ConnectionHolders(qa.dataSource).holdAcross(Duration.ofMillis(600));
            qa.awaitIdle();

            Recommendation finding = qa.awaitFinding("long-held-connection");
            assertThat(finding.id()).isEqualTo("long-held-connection:" + qa.poolName);
            assertThat(finding.evidence()).containsEntry("checkouts", 1L);
            assertThat((double) finding.evidence().get("longestHeldMillis")).isGreaterThanOrEqualTo(600);
            assertThat(finding.callSites()).first().satisfies(site -> assertThat(site.callSite()).isEqualTo(
                    SourceLines.callSite(ConnectionHolders.class, "holdAcross", "// held across a sleep")));
        }
    }
}
