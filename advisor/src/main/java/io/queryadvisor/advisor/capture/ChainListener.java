package io.queryadvisor.advisor.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.queryadvisor.advisor.faults.FaultInjection;
import io.queryadvisor.advisor.faults.FaultyStep;

/**
 * Passes each event to several listeners in order, isolating their failures: a listener that
 * throws is logged once, counted, and after {@value #FAILURES_BEFORE_DISABLING} failures switched
 * off, saying so; the others never notice. (datasource-proxy's {@code ChainListener}, made safe.)
 */
public final class ChainListener implements CaptureListener {

    private static final System.Logger LOG = System.getLogger("io.queryadvisor");
    static final int FAILURES_BEFORE_DISABLING = 100;

    private final List<? extends CaptureListener> listeners;
    private final int[] failures;
    private final AtomicLong totalFailures = new AtomicLong();

    public ChainListener(List<? extends CaptureListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.failures = new int[listeners.size()];
    }

    @Override
    public void onEvent(CaptureEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            if (disabled(i)) {
                continue;
            }
            try {
                if (FaultInjection.ARMED) {
                    FaultInjection.at(FaultyStep.DISPATCH, nameOf(listeners.get(i)));
                }
                listeners.get(i).onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                failed(i, e);
            }
        }
    }

    /** Exceptions thrown by listeners so far. */
    public long failures() {
        return totalFailures.get();
    }

    /** Whether the listener at {@code index} has been switched off, after repeated failures or by {@link #switchOff}. */
    public boolean disabled(int index) {
        return failures[index] >= FAILURES_BEFORE_DISABLING;
    }

    /** Switches the listener at {@code index} off for good: it gets no more events. Its owner has said why. */
    public void switchOff(int index) {
        failures[index] = Math.max(failures[index], FAILURES_BEFORE_DISABLING);
    }

    /** The names of the listeners switched off so far, in their order. */
    public List<String> switchedOff() {
        List<String> off = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            if (disabled(i)) {
                off.add(nameOf(listeners.get(i)));
            }
        }
        return off;
    }

    private void failed(int index, Throwable e) {
        totalFailures.incrementAndGet();
        String name = nameOf(listeners.get(index));
        if (failures[index]++ == 0) {
            LOG.log(System.Logger.Level.WARNING, "Query Advisor: " + name
                    + " failed; it keeps running, later failures are only counted", e);
        }
        if (failures[index] == FAILURES_BEFORE_DISABLING) {
            LOG.log(System.Logger.Level.ERROR, "Query Advisor: " + name + " failed " + FAILURES_BEFORE_DISABLING
                    + " times and is now switched off; the rest of the advisor goes on");
        }
    }

    private static String nameOf(CaptureListener listener) {
        return listener instanceof Named n ? n.name() : listener.getClass().getSimpleName();
    }

    /** A listener that names itself in failure messages (rules give their id). */
    public interface Named {
        String name();
    }
}
