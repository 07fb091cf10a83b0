package io.queryadvisor.advisor.capture;

/**
 * Which endpoint a statement belongs to: the request's endpoint ({@code GET /orders/{id}}) when it
 * ran inside one, else {@code no request: } and the pattern of its thread's name, digits collapsed
 * ({@code scheduling-1} and {@code scheduling-12} are both {@code no request: scheduling-*}), so
 * that a scheduler's or a pool's threads make one name however many there are.
 */
public final class EndpointName {

    /** How the name of a statement outside any request starts. */
    public static final String NO_REQUEST = "no request: ";

    /** Longer thread names are cut: a name is a label, and it is kept per endpoint. */
    static final int MAX_THREAD_PATTERN = 64;

    private EndpointName() {
    }

    /** The endpoint of {@code e}: its request's, else the no-request name of its thread. */
    public static String of(StatementExecuted e) {
        return e.request() != null ? e.request().endpoint() : outsideRequests(e.threadName());
    }

    /** {@code no request: pool-*-thread-*} for a thread named {@code pool-3-thread-17}. */
    public static String outsideRequests(String threadName) {
        return NO_REQUEST + threadPattern(threadName);
    }

    /** Whether {@code endpoint} names statements run outside any request. */
    public static boolean isOutsideRequests(String endpoint) {
        return endpoint.startsWith(NO_REQUEST);
    }

    /** {@code threadName} with every run of digits made one {@code *}, cut at {@value #MAX_THREAD_PATTERN} characters. */
    static String threadPattern(String threadName) {
        if (threadName == null || threadName.isEmpty()) {
            return "?";
        }
        StringBuilder pattern = new StringBuilder(Math.min(threadName.length(), MAX_THREAD_PATTERN));
        for (int i = 0; i < threadName.length() && pattern.length() < MAX_THREAD_PATTERN; i++) {
            char c = threadName.charAt(i);
            if (c >= '0' && c <= '9') {
                if (pattern.isEmpty() || pattern.charAt(pattern.length() - 1) != '*') {
                    pattern.append('*');
                }
            } else {
                pattern.append(c);
            }
        }
        return pattern.toString();
    }
}
