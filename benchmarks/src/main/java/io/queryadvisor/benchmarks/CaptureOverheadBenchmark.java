package io.queryadvisor.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What each capture layer adds to one statement cycle on the application's thread, against the
 * raw pool in the same run. Each variant runs in JVMs of its own (JMH forks per parameter value),
 * so one variant's classes and JIT decisions never leak into another's.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar -prof gc}; see README.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
@State(Scope.Thread)
public class CaptureOverheadBenchmark {

    @Param({"RAW", "QUERY_ADVISOR", "QUERY_ADVISOR_DISCARDING", "QUERY_ADVISOR_DISCARDING_NO_CALL_SITES",
            "QUERY_ADVISOR_CALL_SITE_EVERY_EXECUTION", "DATASOURCE_PROXY"})
    public Variant variant;

    private Rig rig;
    private ConnectionSource source;
    private long cycles;
    private final IterationLedger ledger = new IterationLedger();

    @Setup(Level.Trial)
    public void start() {
        rig = Rig.start(variant);
        source = rig.source();
    }

    /** One cycle; a different key each time, as a loop over orders would bind. */
    @Benchmark
    public long statementCycle() throws SQLException {
        return StatementCycle.run(source, (int) ++cycles);
    }

    @Setup(Level.Iteration)
    public void iterationStarts() {
        ledger.iterationStarts(cycles, rig.eventsDropped());
    }

    @TearDown(Level.Iteration)
    public void iterationEnds(IterationParams iteration) {
        ledger.iterationEnds(cycles, rig.eventsDropped(), iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        rig.close();
        System.out.println();
        System.out.println(ledger.summary(variant));
    }
}
