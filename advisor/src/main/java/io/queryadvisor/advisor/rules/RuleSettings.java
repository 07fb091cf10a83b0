package io.queryadvisor.advisor.rules;

import java.time.Duration;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.probe.Probe;

/**
 * What a rule is made with: its view of the configuration ({@code threshold} here reads
 * {@code queryadvisor.rules.<rule-id>.threshold}, or its environment-variable / agent-argument
 * form), and the database probe it may ask ({@link #probe()}).
 */
public final class RuleSettings {

    private final Settings settings;
    private final String prefix;
    private final Probe probe;

    public RuleSettings(Settings settings, String ruleId) {
        this(settings, ruleId, Probe.disabled());
    }

    public RuleSettings(Settings settings, String ruleId, Probe probe) {
        this.settings = settings;
        this.prefix = "rules." + ruleId + ".";
        this.probe = probe;
    }

    public static RuleSettings defaults(String ruleId) {
        return new RuleSettings(Settings.empty(), ruleId);
    }

    public String string(String key, String defaultValue) {
        return settings.string(prefix + key, defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return settings.integer(prefix + key, defaultValue, min, max);
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        return settings.decimal(prefix + key, defaultValue, min, max);
    }

    public Duration duration(String key, Duration defaultValue) {
        return settings.duration(prefix + key, defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return settings.bool(prefix + key, defaultValue);
    }

    /**
     * A value the rule found wrong against another, or in a way of its own: thrown, or, while the
     * whole configuration is being checked ({@link Settings#validated}), recorded so that the rule
     * goes on reading its other settings and every wrong value is said at once. The rule then goes
     * on with its default.
     */
    public void reject(ConfigurationException wrong) {
        settings.reject(wrong);
    }

    /** The database probe: EXPLAIN and the catalog, answered later as {@code ProbeCompleted} events. */
    public Probe probe() {
        return probe;
    }
}
