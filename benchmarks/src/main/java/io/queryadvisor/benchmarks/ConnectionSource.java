package io.queryadvisor.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a statement cycle gets its connection: the pool itself, or a capture layer in front of it. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
