package io.queryadvisor.advisor.fingerprint;

import java.util.List;
import java.util.Locale;

/**
 * Measures the mean cost of {@link Fingerprinter#fingerprint} over the fingerprint table's
 * statements, after warm-up. A measurement to run by hand, not a test: timings depend on the
 * machine, so no build should pass or fail on them.
 *
 * <pre>
 * mvn -o -q -pl advisor test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp advisor/target/classes:advisor/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.queryadvisor.advisor.fingerprint.FingerprintTimer
 * </pre>
 */
public final class FingerprintTimer {

    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int MEASURED_ROUNDS = 2_000;

    private FingerprintTimer() {
    }

    public static void main(String[] args) {
        Fingerprinter fingerprinter = new Fingerprinter();
        List<String> all = FingerprintCases.load().stream().map(FingerprintCases.Case::sql).toList();
        List<String> parsed = all.stream().filter(sql -> fingerprinter.fingerprint(sql).parsed()).toList();
        List<String> fallback = all.stream().filter(sql -> !fingerprinter.fingerprint(sql).parsed()).toList();

        run(fingerprinter, all, WARM_UP_ROUNDS);
        report("all statements", all, run(fingerprinter, all, MEASURED_ROUNDS));
        report("parsed by JSqlParser", parsed, run(fingerprinter, parsed, MEASURED_ROUNDS));
        report("token fallback", fallback, run(fingerprinter, fallback, MEASURED_ROUNDS));
    }

    /** Nanoseconds for {@code rounds} passes over {@code corpus}. */
    private static long run(Fingerprinter fingerprinter, List<String> corpus, int rounds) {
        long sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String sql : corpus) {
                sink += fingerprinter.fingerprint(sql).text().length();
            }
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return elapsed;
    }

    private static void report(String what, List<String> corpus, long nanos) {
        double micros = nanos / 1_000.0 / MEASURED_ROUNDS / corpus.size();
        System.out.printf(Locale.ROOT, "%-22s %3d statements: %7.1f µs per statement%n", what, corpus.size(), micros);
    }
}
