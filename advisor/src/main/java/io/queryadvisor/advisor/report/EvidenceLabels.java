package io.queryadvisor.advisor.report;

import java.util.Map;

/**
 * The words a person reads for an evidence key: {@code shareOfStatementTimePercent} is "Share of
 * statement time (%)", {@code p95Millis} "p95 (ms)". The JSON report keeps the keys (they are its
 * interface); the Markdown and HTML reports and the dashboard show these labels. The dashboard's
 * page applies the same rules (app.js, {@code evidenceLabel}); keep the two alike.
 */
public final class EvidenceLabels {

    /** Keys whose words the general rule would get wrong. */
    private static final Map<String, String> SPECIAL = Map.of(
            "p50Millis", "p50 (ms)", "p95Millis", "p95 (ms)", "p99Millis", "p99 (ms)",
            "sourceQuery", "Query the loop follows", "unitOfWorkKind", "Unit of work");

    private EvidenceLabels() {
    }

    public static String of(String key) {
        String special = SPECIAL.get(key);
        if (special != null) {
            return special;
        }
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            return key; // not a camelCase key: already words
        }
        String unit = "";
        String words = key;
        if (words.endsWith("Percent")) {
            words = words.substring(0, words.length() - "Percent".length());
            unit = " (%)";
        } else if (words.endsWith("Millis")) {
            words = words.substring(0, words.length() - "Millis".length());
            unit = " (ms)";
        }
        StringBuilder label = new StringBuilder(words.length() + 8);
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return label + unit;
    }
}
