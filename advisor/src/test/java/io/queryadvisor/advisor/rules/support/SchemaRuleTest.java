package io.queryadvisor.advisor.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.DatabaseIdentified;
import io.queryadvisor.advisor.capture.ProbeCompleted;
import io.queryadvisor.advisor.capture.Tick;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.AutovacuumSettings;
import io.queryadvisor.advisor.probe.DatabaseFacts;
import io.queryadvisor.advisor.probe.SchemaFactsResult;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.testing.RuleWorkload;

/** A schema rule keeps each database's latest findings, bounded, and hands them out as they are. */
class SchemaRuleTest {

    private final RecordingProbe probe = new RecordingProbe();
    private final CountingRule rule = new CountingRule(new RuleSettings(Settings.fromStrings(
            Map.of("rules.test-schema.firstCheckAfter", "0"), "test"), "test-schema", probe));

    /** A rule that finds as many findings as it is told, about indexes i0, i1, ... */
    private static final class CountingRule extends SchemaRule {

        int findings;

        CountingRule(RuleSettings settings) {
            super("test-schema", settings);
        }

        @Override
        public RuleDescriptor descriptor() {
            return new RuleDescriptor("test-schema", "Test", "none", RuleDescriptor.Kind.SCHEMA, "test");
        }

        @Override
        protected List<Recommendation> find(SchemaFactsResult facts, Instant now) {
            return IntStream.range(0, findings).mapToObj(i -> SchemaFinding.about("test-schema",
                    facts.database().name(), "public", "i" + i).title("index i" + i)
                    .suggestion(Suggestion.text("drop it")).build()).toList();
        }
    }

    private List<Recommendation> check(int findings) {
        rule.findings = findings;
        rule.onEvent(new Tick(System.nanoTime(), 0));
        rule.onEvent(new ProbeCompleted(probe.last(), new SchemaFactsResult(new DatabaseFacts("shop", "shop@1",
                Instant.EPOCH, false, false, true, AutovacuumSettings.DEFAULTS), List.of(), List.of(), false),
                System.nanoTime(), 1)); // the answer to the database's check, as the probe sends it
        return new RuleWorkload(rule).recommendations();
    }

    @Test
    void keepsTheFirstFindingsOfADatabaseAndCountsTheRest() {
        rule.onEvent(new DatabaseIdentified("pool", "PostgreSQL 15", "driver", "jdbc:postgresql://db/shop",
                System.nanoTime(), () -> null));

        List<Recommendation> found = check(SchemaRule.MAX_FINDINGS_PER_DATABASE + 50);

        assertThat(found).hasSize(SchemaRule.MAX_FINDINGS_PER_DATABASE);
        assertThat(found.get(0).id()).isEqualTo("test-schema:shop.public.i0");
        assertThat(rule.counters()).containsEntry("findingsLeftOut", 50L);
    }

    @Test
    void replacesADatabasesFindingsWithItsNextChecks() {
        rule.onEvent(new DatabaseIdentified("pool", "PostgreSQL 15", "driver", "jdbc:postgresql://db/shop",
                System.nanoTime(), () -> null));
        check(3);

        assertThat(check(1)).extracting(Recommendation::id).containsExactly("test-schema:shop.public.i0");
        assertThat(rule.counters()).isEmpty();
    }
}
