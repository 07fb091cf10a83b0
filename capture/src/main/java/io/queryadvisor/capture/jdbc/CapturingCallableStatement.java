package io.queryadvisor.capture.jdbc;

import java.sql.CallableStatement;

/**
 * A callable statement: captured like a prepared one. Parameters bound by name are passed on
 * but not hashed (rare, and a name-keyed hash would cost a map per statement).
 */
public abstract class CapturingCallableStatement extends CapturingPreparedStatement implements CallableStatement {

    protected final CallableStatement callable;

    protected CapturingCallableStatement(CallableStatement callable, String sql, CapturingConnection connection) {
        super(callable, sql, connection);
        this.callable = callable;
    }
}
