package io.queryadvisor.advisor.faults;

/**
 * Test-only fault injection: makes one internal step of Query Advisor throw, so that a test can
 * prove the application never notices, the fault is said once, the broken part switches itself off
 * and the rest carries on.
 *
 * <p>Armed only when the JVM starts with {@code -Dqueryadvisor.test.faults=true} (the agent module's
 * test runs do). {@link #ARMED} is read once, at class initialisation, into a {@code static final}:
 * unarmed, the JIT folds every {@code if (FaultInjection.ARMED)} away, so a step on the
 * application's thread pays nothing for being breakable. Armed, a test names the step to break
 * with {@link #breakStep} and mends it with {@link #mend}.
 */
public final class FaultInjection {

    /** The system property that arms fault injection; never set in production. */
    public static final String ARMING_PROPERTY = "queryadvisor.test.faults";

    /** Whether steps may be broken at all in this JVM; false in production. */
    public static final boolean ARMED = Boolean.getBoolean(ARMING_PROPERTY);

    private static volatile Broken broken;

    private FaultInjection() {
    }

    /**
     * From now on {@code step} throws an {@link InjectedFault} wherever it runs for {@code target}
     * (a rule's id, a dashboard path, ...; {@code null} for every target).
     *
     * @throws IllegalStateException when fault injection is not armed in this JVM
     */
    public static void breakStep(FaultyStep step, String target) {
        if (!ARMED) {
            throw new IllegalStateException("fault injection is off: start the JVM with -D" + ARMING_PROPERTY + "=true");
        }
        broken = new Broken(step, target);
    }

    /** Every step works again. */
    public static void mend() {
        broken = null;
    }

    /** Throws when {@code step} is broken for every target; callers on a hot path test {@link #ARMED} first. */
    public static void at(FaultyStep step) {
        at(step, null);
    }

    /** Throws when {@code step} is broken, for every target or for {@code target}. */
    public static void at(FaultyStep step, String target) {
        if (!ARMED) {
            return;
        }
        Broken b = broken;
        if (b != null && b.step == step && (b.target == null || b.target.equals(target))) {
            throw new InjectedFault(step, target);
        }
    }

    private record Broken(FaultyStep step, String target) {
    }
}
