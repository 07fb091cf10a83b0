package io.queryadvisor.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JDK the end-to-end tests run child JVMs on. Missing JDKs fail the test with a message saying
 * how to point at one; they are never skipped.
 *
 * @param label   names the run in schema and log names, e.g. {@code jdk17}
 * @param feature the Java feature version the child must report, e.g. 17
 * @param home    the JDK's home directory
 */
record Jdk(String label, int feature, Path home) {

    static final String JDK17_VARIABLE = "QUERYADVISOR_TEST_JDK17";
    static final String JDK25_VARIABLE = "QUERYADVISOR_TEST_JDK25";
    private static final Path DEFAULT_JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /**
     * The baseline: {@value #JDK17_VARIABLE} (a JDK 17), else the JDK running the tests, whatever its
     * version (the README says 17 or newer; {@code mvn verify} on JDK 21 must pass too).
     */
    static Jdk baseline() {
        String configured = System.getenv(JDK17_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return existing(new Jdk("jdk17", 17, Path.of(configured.trim())), JDK17_VARIABLE);
        }
        int running = Runtime.version().feature();
        return existing(new Jdk("jdk" + running, running, Path.of(System.getProperty("java.home"))), JDK17_VARIABLE);
    }

    /** The newest JDK we support: {@value #JDK25_VARIABLE}, else the Temurin 25 install path. */
    static Jdk jdk25() {
        String configured = System.getenv(JDK25_VARIABLE);
        Path home = configured == null || configured.isBlank() ? DEFAULT_JDK25 : Path.of(configured.trim());
        return existing(new Jdk("jdk25", 25, home), JDK25_VARIABLE);
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    private static Jdk existing(Jdk jdk, String variable) {
        if (!Files.isExecutable(jdk.java())) {
            throw new AssertionError("JDK " + jdk.feature() + " not found: " + jdk.java() + " is not an executable."
                    + " Install it, or set " + variable + " to a JDK " + jdk.feature() + " home directory.");
        }
        return jdk;
    }
}
