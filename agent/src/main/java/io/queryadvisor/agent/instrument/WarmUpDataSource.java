package io.queryadvisor.agent.instrument;

import java.sql.Connection;

import javax.sql.DataSource;

/**
 * Never loaded as a class: its class file is instrumented once, and the result thrown away, on the
 * thread that builds the instrumentation ({@link AdviceTransformer#warmUp}), so that the first real
 * data source or servlet an application loads does not pay, on the application's own thread, for
 * loading the few hundred classes of Byte Buddy's that rewriting a class takes.
 */
abstract class WarmUpDataSource implements DataSource {

    @Override
    public Connection getConnection() {
        return null;
    }
}
