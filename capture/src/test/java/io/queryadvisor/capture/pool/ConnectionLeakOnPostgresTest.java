package io.queryadvisor.capture.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.pools.ConnectionHolders;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.testing.SourceLines;

/** A connection the application never gives back, through HikariCP on PostgreSQL. */
class ConnectionLeakOnPostgresTest {

    @Test
    void aConnectionNeverClosedIsALeakAtTheCallSiteThatTookIt() throws Exception {
        try (PooledAdvisor qa = PooledAdvisor.start(getClass(), 2, Duration.ofSeconds(30),
                "rules.connection-leak.threshold", "1s")) {
            Connection leaked = new ConnectionHolders(qa.dataSource).leak();
            try {
                Recommendation finding = qa.awaitFinding("connection-leak");

                assertThat(finding.id()).isEqualTo("connection-leak:" + qa.poolName);
                assertThat(finding.evidence()).containsEntry("notReturned", 1L).containsEntry("returnedLate", 0L);
                assertThat(finding.callSites()).first().satisfies(site -> assertThat(site.callSite()).isEqualTo(
                        SourceLines.callSite(ConnectionHolders.class, "leak", "// leaked: never closed here")));
                assertThat(finding.evidence().get("thread")).isEqualTo(Thread.currentThread().getName());
            } finally {
                leaked.close();
            }
        }
    }
}
