package io.queryadvisor.benchmarks.stub;

import java.sql.SQLFeatureNotSupportedException;

/** The stub driver's one answer to what the measured cycle never calls. */
final class Unsupported {

    private Unsupported() {
    }

    static SQLFeatureNotSupportedException unsupported() {
        return new SQLFeatureNotSupportedException("not in the benchmark's stub driver");
    }
}
