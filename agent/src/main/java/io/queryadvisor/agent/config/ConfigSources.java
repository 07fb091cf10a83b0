package io.queryadvisor.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.queryadvisor.advisor.config.ConfigurationException;
import io.queryadvisor.advisor.config.Settings;

/**
 * Reads the configuration from its three sources, in increasing precedence: environment
 * variables {@code QUERYADVISOR_*}, system properties {@code -Dqueryadvisor.*}, then the agent's
 * arguments ({@code -javaagent:query-advisor-agent.jar=dashboard.port=7071,reportOnExit=r.html}).
 */
public final class ConfigSources {

    static final String ENV_PREFIX = "QUERYADVISOR_";
    static final String PROPERTY_PREFIX = "queryadvisor.";

    private ConfigSources() {
    }

    public static Settings read(String agentArguments) {
        return read(agentArguments, System.getProperties(), System.getenv());
    }

    static Settings read(String agentArguments, Properties properties, Map<String, String> environment) {
        List<Settings.Value> values = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.add(new Settings.Value(name.substring(ENV_PREFIX.length()), value, "environment variable " + name));
            }
        });
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()) {
                values.add(new Settings.Value(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name),
                        "system property " + name));
            }
        }
        values.addAll(parseAgentArguments(agentArguments));
        return Settings.of(values);
    }

    /**
     * {@code key=value} pairs separated by commas. A segment without {@code =} continues the
     * previous value, so lists read naturally: {@code callSite.exclude=com.acme.db,com.acme.orm}.
     */
    static List<Settings.Value> parseAgentArguments(String arguments) {
        List<Settings.Value> values = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return values;
        }
        for (String segment : arguments.split(",")) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                String key = segment.substring(0, eq).trim();
                values.add(new Settings.Value(key, segment.substring(eq + 1).trim(), "agent argument " + key));
            } else if (!values.isEmpty()) {
                Settings.Value last = values.remove(values.size() - 1);
                values.add(new Settings.Value(last.key(), last.value() + "," + segment.trim(), last.origin()));
            } else if (!segment.isBlank()) {
                throw new ConfigurationException("agent argument '" + segment.trim()
                        + "' is not key=value (example: -javaagent:query-advisor-agent.jar=dashboard.port=7071)");
            }
        }
        return values;
    }
}
