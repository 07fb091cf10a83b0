package io.queryadvisor.advisor.rules;

import java.util.Locale;

/** How much a finding costs the application, from measured impact. Serialised in lower case. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
