package io.queryadvisor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ObservedStatement;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleContext;
import io.queryadvisor.advisor.rules.RuleDescriptor;

/** The report at exit is bounded: a stuck advisor delays the JVM's exit by seconds, never for good. */
class ReportOnExitTest {

    /** A guard against a hang, far above the report's own bound; nothing depends on the machine's speed. */
    private static final Duration GUARD = ReportOnExit.CATCH_UP.multipliedBy(6);

    @Test
    void writesWhatItHasWhenTheAdvisorIsStuck(@TempDir Path dir) {
        CountDownLatch never = new CountDownLatch(1);
        Advisor advisor = Advisor.start(AdvisorConfig.defaults(), List.of(), List.of(new StuckRule(never)));
        try {
            advisor.buffer().offer(new StatementExecuted("SELECT 1", StatementKind.QUERY, 1, 0, 0, System.nanoTime(),
                    1_000, 1, null, 1, 0, 1, "main", null, 0, List.of(), null, "pool", null));
            Path report = dir.resolve("report.json");

            assertTimeoutPreemptively(GUARD, () -> new ReportOnExit(advisor, report).run());

            assertThat(report).isRegularFile();
            assertThat(dir.resolve("report.json.partial")).doesNotExist();
        } finally {
            never.countDown();
            advisor.close();
        }
    }

    /** Blocks the consumer on the first statement, as a pathological rule would. */
    private record StuckRule(CountDownLatch latch) implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("test-stuck", "Stuck", "none", RuleDescriptor.Kind.QUERY, "never returns");
        }

        @Override
        public void onEvent(CaptureEvent event) {
            if (event instanceof ObservedStatement) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public List<Recommendation> recommend(RuleContext context) {
            return List.of();
        }
    }
}
