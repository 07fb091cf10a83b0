package io.queryadvisor.advisor.rules.engine;

import static io.queryadvisor.advisor.rules.RuleDescriptor.Kind.CONNECTION;
import static io.queryadvisor.advisor.rules.RuleDescriptor.Kind.QUERY;
import static io.queryadvisor.advisor.rules.RuleDescriptor.Kind.SCHEMA;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.deepoffset.DeepOffsetRule;
import io.queryadvisor.advisor.rules.literalparameters.LiteralParametersRule;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.repeatedquery.RepeatedQueryRule;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;
import io.queryadvisor.advisor.rules.unbatchedwrites.UnbatchedWritesRule;
import io.queryadvisor.advisor.rules.unboundedresult.UnboundedResultRule;
import io.queryadvisor.advisor.rules.writethenupdate.WriteThenUpdateRule;

/**
 * Every rule there is, and which are on. A rule is enabled unless
 * {@code queryadvisor.rules.<id>.enabled=false}; {@code queryadvisor.rules.disabled=a,b} turns
 * several off at once. The settings of a rule that is off are accepted quietly (they are not
 * typos), and its constructor never runs.
 */
public final class RuleRegistry {

    /** A rule's description and how to make it from its settings; no factory while it is planned. */
    public record Entry(RuleDescriptor descriptor, Function<RuleSettings, Rule> factory) {

        public boolean built() {
            return factory != null;
        }
    }

    // Register new rules here: one line each. A planned rule's id is reserved, so that its
    // settings and its findings' ids never change meaning.
    private static final List<Entry> ALL = List.of(
            new Entry(SlowQueryRule.DESCRIPTOR, SlowQueryRule::new),
            new Entry(SelectStarRule.DESCRIPTOR, SelectStarRule::new),
            new Entry(NPlusOneRule.DESCRIPTOR, NPlusOneRule::new),
            planned("missing-index", "Missing indexes", "Create efficient database indexes", QUERY,
                    "Sequential scans of large tables that filter most rows out, found with EXPLAIN on real bind"
                            + " values; suggests CREATE INDEX, verified with a hypothetical index where possible."),
            planned("unused-index", "Unused indexes", "Create efficient database indexes", SCHEMA,
                    "Indexes with (almost) no scans that every write still pays for."),
            planned("duplicate-index", "Duplicate indexes", "Create efficient database indexes", SCHEMA,
                    "Indexes whose columns repeat, or lead, another index's."),
            planned("table-maintenance", "Table maintenance", "Regularly clean up, vacuum and optimise", SCHEMA,
                    "Tables with many dead rows, or whose vacuum or analyze is long overdue."),
            new Entry(DeepOffsetRule.DESCRIPTOR, DeepOffsetRule::new),
            new Entry(UnboundedResultRule.DESCRIPTOR, UnboundedResultRule::new),
            new Entry(UnbatchedWritesRule.DESCRIPTOR, UnbatchedWritesRule::new),
            new Entry(WriteThenUpdateRule.DESCRIPTOR, WriteThenUpdateRule::new),
            new Entry(RepeatedQueryRule.DESCRIPTOR, RepeatedQueryRule::new),
            new Entry(LiteralParametersRule.DESCRIPTOR, LiteralParametersRule::new),
            planned("missing-timeout", "Missing timeouts", "Set appropriate connection timeouts", CONNECTION,
                    "No query timeout anywhere, or a pool timeout so long that a saturated pool hangs requests."),
            planned("pool-saturation", "Pool saturation", "Fine-tune pool settings to prevent exhaustion",
                    CONNECTION, "Threads waiting for a connection, slow acquisitions, acquisition timeouts."),
            planned("pool-oversized", "Oversized pool", "Fine-tune pool settings to prevent exhaustion", CONNECTION,
                    "Most connections idle all the time."),
            planned("connection-leak", "Connection leaks", "Use connection pooling", CONNECTION,
                    "Connections held far longer than their statements took, or never returned."),
            planned("long-held-connection", "Long-held connections", "Use connection pooling", CONNECTION,
                    "Connections held while no statement runs: work outside the database with a connection held.")
    );

    private RuleRegistry() {
    }

    private static Entry planned(String id, String title, String checklist, RuleDescriptor.Kind kind, String help) {
        return new Entry(new RuleDescriptor(id, title, checklist, kind, help), null);
    }

    /** Every rule, built or planned, in registration order. */
    public static List<Entry> entries() {
        return ALL;
    }

    /**
     * Every rule as the dashboard's help shows it: what it is, and whether it runs here.
     *
     * @param status {@code running}, {@code off} (built but switched off) or {@code planned}
     */
    public record RuleStatus(String id, String name, String checklist, RuleDescriptor.Kind kind, String help,
                             String status) {
    }

    /** Every rule, built or planned, with its status given the ids of the rules that run. */
    public static List<RuleStatus> statuses(Collection<String> running) {
        return ALL.stream().map(e -> {
            RuleDescriptor d = e.descriptor();
            String status = !e.built() ? "planned" : running.contains(d.id()) ? "running" : "off";
            return new RuleStatus(d.id(), d.title(), d.checklist(), d.kind(), d.help(), status);
        }).toList();
    }

    /** The ids of every rule, built or planned, in registration order. */
    public static List<String> ids() {
        return ALL.stream().map(e -> e.descriptor().id()).toList();
    }

    /** New instances of the enabled rules that are built, configured from {@code settings}, without the probe. */
    public static List<Rule> enabledRules(Settings settings) {
        return enabledRules(settings, Probe.disabled());
    }

    /** New instances of the enabled rules that are built, configured from {@code settings}, given the probe. */
    public static List<Rule> enabledRules(Settings settings, Probe probe) {
        List<String> disabled = settings.list("rules.disabled", List.of());
        List<Rule> rules = new ArrayList<>();
        for (Entry e : ALL) {
            String id = e.descriptor().id();
            boolean on = !disabled.contains(id) && settings.bool("rules." + id + ".enabled", true);
            if (on && e.built()) {
                try {
                    rules.add(e.factory().apply(new RuleSettings(settings, id, probe)));
                } catch (ConfigurationException wrong) {
                    settings.reject(wrong); // thrown, unless every wrong value is being gathered
                }
            } else {
                settings.acceptPrefix("rules." + id + ".");
            }
        }
        return rules;
    }
}
