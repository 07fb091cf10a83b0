package io.queryadvisor.advisor.probe;

/**
 * The probe will not do what was asked, before asking the database anything (or the database
 * cannot): reported as a {@link ProbeFailure} of {@link #kind()}.
 */
final class ProbeRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final ProbeFailure.Kind kind;

    ProbeRefused(ProbeFailure.Kind kind, String message) {
        super(message, null, false, false); // an expected outcome: no stack trace
        this.kind = kind;
    }

    ProbeFailure.Kind kind() {
        return kind;
    }
}
