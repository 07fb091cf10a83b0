package io.queryadvisor.advisor.rules.engine;

import static io.queryadvisor.advisor.rules.RuleDescriptor.Kind.QUERY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.pool.PoolThresholds;
import io.queryadvisor.advisor.probe.Probe;
import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleDescriptor;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.connectionleak.ConnectionLeakRule;
import io.queryadvisor.advisor.rules.deepoffset.DeepOffsetRule;
import io.queryadvisor.advisor.rules.duplicateindex.DuplicateIndexRule;
import io.queryadvisor.advisor.rules.literalparameters.LiteralParametersRule;
import io.queryadvisor.advisor.rules.longheldconnection.LongHeldConnectionRule;
import io.queryadvisor.advisor.rules.missingindex.MissingIndexRule;
import io.queryadvisor.advisor.rules.missingtimeout.MissingTimeoutRule;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.pooloversized.PoolOversizedRule;
import io.queryadvisor.advisor.rules.poolsaturation.PoolSaturationRule;
import io.queryadvisor.advisor.rules.repeatedquery.RepeatedQueryRule;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;
import io.queryadvisor.advisor.rules.tablemaintenance.TableMaintenanceRule;
import io.queryadvisor.advisor.rules.unbatchedwrites.UnbatchedWritesRule;
import io.queryadvisor.advisor.rules.unboundedresult.UnboundedResultRule;
import io.queryadvisor.advisor.rules.unusedindex.UnusedIndexRule;
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
            new Entry(MissingIndexRule.DESCRIPTOR, MissingIndexRule::new),
            new Entry(UnusedIndexRule.DESCRIPTOR, UnusedIndexRule::new),
            new Entry(DuplicateIndexRule.DESCRIPTOR, DuplicateIndexRule::new),
            new Entry(TableMaintenanceRule.DESCRIPTOR, TableMaintenanceRule::new),
            new Entry(DeepOffsetRule.DESCRIPTOR, DeepOffsetRule::new),
            new Entry(UnboundedResultRule.DESCRIPTOR, UnboundedResultRule::new),
            new Entry(UnbatchedWritesRule.DESCRIPTOR, UnbatchedWritesRule::new),
            new Entry(WriteThenUpdateRule.DESCRIPTOR, WriteThenUpdateRule::new),
            new Entry(RepeatedQueryRule.DESCRIPTOR, RepeatedQueryRule::new),
            new Entry(LiteralParametersRule.DESCRIPTOR, LiteralParametersRule::new),
            new Entry(MissingTimeoutRule.DESCRIPTOR, MissingTimeoutRule::new),
            new Entry(PoolSaturationRule.DESCRIPTOR, PoolSaturationRule::new),
            new Entry(PoolOversizedRule.DESCRIPTOR, PoolOversizedRule::new),
            new Entry(ConnectionLeakRule.DESCRIPTOR, ConnectionLeakRule::new),
            new Entry(LongHeldConnectionRule.DESCRIPTOR, LongHeldConnectionRule::new)
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

    /**
     * The pool rules' thresholds as {@code settings} set them, for the Pools charts; none when one is
     * wrong (making the rule itself says so).
     */
    public static PoolThresholds poolThresholds(Settings settings) {
        try {
            return new PoolThresholds(
                    PoolSaturationRule.acquireThresholdMillis(new RuleSettings(settings, PoolSaturationRule.ID)),
                    LongHeldConnectionRule.threshold(new RuleSettings(settings, LongHeldConnectionRule.ID)).toNanos() / 1e6,
                    ConnectionLeakRule.threshold(new RuleSettings(settings, ConnectionLeakRule.ID)).toNanos() / 1e6);
        } catch (ConfigurationException wrong) {
            return PoolThresholds.NONE;
        }
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
