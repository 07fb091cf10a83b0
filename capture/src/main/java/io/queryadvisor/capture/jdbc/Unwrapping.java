package io.queryadvisor.capture.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} for every capturing wrapper. JDBC says: "if the receiver implements the
 * interface then the result is the receiver", so {@code unwrap(Connection.class)} keeps the
 * application on the captured path, while vendor interfaces reach the driver's object.
 */
final class Unwrapping {

    private Unwrapping() {
    }

    @SuppressWarnings("unchecked")
    static <T> T unwrap(Wrapper wrapper, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return (T) wrapper;
        }
        return iface.isInstance(delegate) ? (T) delegate : delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Wrapper wrapper, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(wrapper) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
