package io.queryadvisor.advisor.rules.engine;

import io.queryadvisor.advisor.rules.Rule;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.selectstar.SelectStarRule;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.queryadvisor.advisor.config.Settings;

/**
 * Every rule there is, and which are on. A rule is enabled unless
 * {@code queryadvisor.rules.<id>.enabled=false}; {@code queryadvisor.rules.disabled=a,b} turns
 * several off at once.
 */
public final class RuleRegistry {

    /** A rule's id and how to make it from its settings. */
    record Entry(String id, Function<RuleSettings, Rule> factory) {
    }

    // Register new rules here: one line each.
    private static final List<Entry> ALL = List.of(
            new Entry("slow-query", SlowQueryRule::new),
            new Entry("select-star", SelectStarRule::new),
            new Entry("n-plus-one", NPlusOneRule::new)
    );

    private RuleRegistry() {
    }

    /** The ids of every known rule, in registration order. */
    public static List<String> ids() {
        return ALL.stream().map(Entry::id).toList();
    }

    /** New instances of the enabled rules, configured from {@code settings}. */
    public static List<Rule> enabledRules(Settings settings) {
        List<String> disabled = settings.list("rules.disabled", List.of());
        List<Rule> rules = new ArrayList<>();
        for (Entry e : ALL) {
            if (!disabled.contains(e.id()) && settings.bool("rules." + e.id() + ".enabled", true)) {
                rules.add(e.factory().apply(new RuleSettings(settings, e.id())));
            }
        }
        return rules;
    }
}
