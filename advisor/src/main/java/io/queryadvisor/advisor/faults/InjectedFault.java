package io.queryadvisor.advisor.faults;

/** What a broken step throws: an unchecked exception of a kind no real failure has, named for the step. */
public final class InjectedFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InjectedFault(FaultyStep step, String target) {
        super("injected fault at " + step + (target == null ? "" : " (" + target + ")"));
    }
}
