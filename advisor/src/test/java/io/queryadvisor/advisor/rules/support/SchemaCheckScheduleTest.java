package io.queryadvisor.advisor.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.AutovacuumSettings;
import io.queryadvisor.advisor.probe.DatabaseFacts;
import io.queryadvisor.advisor.probe.ProbeFailure;
import io.queryadvisor.advisor.probe.ProbeResult;
import io.queryadvisor.advisor.probe.SchemaFactsRequest;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.RuleSettings;

/** When a schema rule asks the probe, and for which databases: one check per database, on a slow schedule. */
class SchemaCheckScheduleTest {

    private static final String URL = "jdbc:postgresql://db:5432/shop";
    private static final long T0 = 1_000_000_000L;
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final RecordingProbe probe = new RecordingProbe();
    private final SchemaCheckSchedule schedule = new SchemaCheckSchedule("unused-index", new RuleSettings(
            Settings.fromStrings(Map.of("rules.unused-index.firstCheckAfter", "30s",
                    "rules.unused-index.checkEvery", "10m"), "test"), "unused-index", probe));

    private void identify(String source, String url, String product) {
        schedule.onEvent(new DatabaseIdentified(source, product, "driver", url, T0, () -> null));
    }

    private void tickAt(Duration sinceIdentified) {
        schedule.onEvent(new Tick(T0 + sinceIdentified.toNanos(), 0));
    }

    private SchemaFactsResult answer(SchemaFactsRequest request, ProbeResult result, Duration at) {
        return schedule.onEvent(new ProbeCompleted(request, result, T0 + at.toNanos(), 1));
    }

    private static SchemaFactsResult facts(String identity) {
        return new SchemaFactsResult(new DatabaseFacts("shop", identity, Instant.EPOCH, false, false, true,
                AutovacuumSettings.DEFAULTS), List.of(), List.of(), false);
    }

    @Test
    void checksShortlyAfterTheDatabaseIsIdentifiedNotBefore() {
        identify("pool", URL, "PostgreSQL 15.4");

        tickAt(FIRST.minusSeconds(1));
        assertThat(probe.requests).isEmpty();
        tickAt(FIRST);
        assertThat(probe.requests).singleElement().satisfies(r -> {
            assertThat(r.requester()).isEqualTo("unused-index");
            assertThat(r.source()).isEqualTo("pool");
        });
    }

    @Test
    void checksThreePoolsOnOneDatabaseOnce() {
        identify("pool-1", URL, "PostgreSQL 15.4");
        identify("pool-2", URL + "?ApplicationName=batch", "PostgreSQL 15.4");
        identify("pool-3", URL, "PostgreSQL 15.4");

        tickAt(FIRST);

        assertThat(probe.requests).hasSize(1);
        assertThat(schedule.databases()).isEqualTo(1);
    }

    @Test
    void checksAgainAfterTheIntervalNotSooner() {
        identify("pool", URL, "PostgreSQL 15.4");
        tickAt(FIRST);
        answer(probe.last(), facts("shop@1"), FIRST);

        tickAt(FIRST.plus(EVERY).minusSeconds(1));
        assertThat(probe.requests).hasSize(1);
        tickAt(FIRST.plus(EVERY));
        assertThat(probe.requests).hasSize(2);
    }

    @Test
    void asksNothingMoreWhileACheckIsUnanswered() {
        identify("pool", URL, "PostgreSQL 15.4");
        tickAt(FIRST);
        tickAt(FIRST.plus(EVERY).plus(EVERY));

        assertThat(probe.requests).hasSize(1);
    }

    @Test
    void stopsCheckingASourceWhoseAnswerNamesADatabaseAlreadyChecked() {
        identify("by-name", URL, "PostgreSQL 15.4");
        identify("by-address", "jdbc:postgresql://10.0.0.5:5432/shop", "PostgreSQL 15.4");
        tickAt(FIRST);
        assertThat(probe.requests).hasSize(2);

        assertThat(answer(probe.requests.get(0), facts("shop@1"), FIRST)).isNotNull();
        assertThat(answer(probe.requests.get(1), facts("shop@1"), FIRST)).isNull();
        tickAt(FIRST.plus(EVERY));

        assertThat(probe.requests).hasSize(3);
        assertThat(probe.last().source()).isEqualTo("by-name");
        assertThat(schedule.databases()).isEqualTo(1);
    }

    @Test
    void triesAgainAtTheNextIntervalAfterAFailure() {
        identify("pool", URL, "PostgreSQL 15.4");
        tickAt(FIRST);

        assertThat(answer(probe.last(), new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "57014"), FIRST)).isNull();
        tickAt(FIRST.plus(EVERY));

        assertThat(probe.requests).hasSize(2);
    }

    @Test
    void ignoresOtherDatabasesAndOtherRulesAnswers() {
        identify("maria", "jdbc:mariadb://db/shop", "MariaDB 11.4");
        tickAt(FIRST);
        assertThat(probe.requests).isEmpty();

        assertThat(answer(new SchemaFactsRequest("duplicate-index", URL, "pool"), facts("shop@1"), FIRST)).isNull();
    }
}
