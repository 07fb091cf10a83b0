package io.queryadvisor.advisor.capture;

/**
 * Receives everything the advisor learns, on its single consumer thread, in capture order, through
 * one method: a listener picks the events it cares about ({@code if (event instanceof
 * ObservedStatement s) ...}) and ignores the rest, so a new kind of event changes no listener
 * that does not want it.
 *
 * <p>Implementations need no locking for their own state, but must not block: they are the
 * advisor's hot path. Raw {@link StatementExecuted} events never arrive here; they come
 * fingerprinted, as {@link ObservedStatement}.
 */
@FunctionalInterface
public interface CaptureListener {

    void onEvent(CaptureEvent event);
}
