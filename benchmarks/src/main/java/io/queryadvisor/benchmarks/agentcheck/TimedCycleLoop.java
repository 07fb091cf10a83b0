package io.queryadvisor.benchmarks.agentcheck;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

import io.queryadvisor.benchmarks.StatementCycle;
import io.queryadvisor.benchmarks.stub.StubPool;

/**
 * The statement cycle in a plain timed loop, in a JVM that may or may not have been started with
 * {@code -javaagent}. Prints one line for {@link AgentSanityCheck} to read:
 * {@code wrapped=<bool> cycles=<n> nsPerCycle=<x> checksum=<y>}.
 *
 * <p>Arguments: warm-up seconds, measured seconds.
 */
public final class TimedCycleLoop {

    static final String CAPTURING_CONNECTION = "io.queryadvisor.capture.jdbc.CapturingConnection";

    private TimedCycleLoop() {
    }

    public static void main(String[] args) throws SQLException {
        long warmupNanos = (long) (Double.parseDouble(args[0]) * 1e9);
        long measureNanos = (long) (Double.parseDouble(args[1]) * 1e9);
        try (HikariDataSource pool = StubPool.start("agent-check")) {
            boolean wrapped = isWrappedByAgent(pool);
            long checksum = loop(pool, warmupNanos)[1];
            long[] measured = loop(pool, measureNanos);
            System.out.printf("wrapped=%s cycles=%d nsPerCycle=%.1f checksum=%d%n",
                    wrapped, measured[0], (double) measured[2] / measured[0], checksum + measured[1]);
        }
    }

    /** Runs cycles for about {@code nanos}; returns {cycles, checksum, elapsed nanos}. */
    private static long[] loop(HikariDataSource pool, long nanos) throws SQLException {
        long cycles = 0;
        long checksum = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            // Check the clock once per thousand cycles, so that reading it costs nothing measurable.
            for (int i = 0; i < 1_000; i++) {
                checksum += StatementCycle.run(pool::getConnection, (int) ++cycles);
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new long[] {cycles, checksum, elapsed};
    }

    /** Whether the agent's advice wrapped the pool's connection: the proof that the agent is on the path. */
    private static boolean isWrappedByAgent(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            for (Class<?> c = connection.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(CAPTURING_CONNECTION)) {
                    return true;
                }
            }
            return false;
        }
    }
}
