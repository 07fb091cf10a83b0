package io.queryadvisor.advisor.capture;

/**
 * Receives what the application did, on the advisor's single consumer thread, in capture order.
 * Implementations therefore need no locking for their own state, but must not block: they are the
 * advisor's hot path.
 */
public interface CaptureListener {

    /** One statement execution, fingerprinted. */
    default void onStatement(ObservedStatement statement) {
    }

    /** A logical connection went back to its pool: its unit of work is over. */
    default void onConnectionReleased(ConnectionReleased released) {
    }

    /** An incoming request that ran statements finished: its unit of work is over. */
    default void onRequestCompleted(RequestCompleted request) {
    }

    /** A data source told what database it talks to. */
    default void onDatabaseIdentified(DatabaseIdentified database) {
    }
}
