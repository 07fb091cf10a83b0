package io.queryadvisor.advisor.faults;

/** The internal steps a test can break ({@link FaultInjection}), each where it runs. */
public enum FaultyStep {
    /** The capture wrapper recording an execution, on the application's thread. */
    RECORD,
    /** Handing an event to the advisor's buffer, on the application's thread. */
    OFFER,
    /** The consumer handing one event to one listener or rule (target: its name, a rule's id). */
    DISPATCH,
    /** The consumer publishing what the advisor knows, for readers. */
    PUBLISH,
    /** A rule making its findings, on the consumer thread (target: the rule's id). */
    RECOMMEND,
    /** The database probe answering a request, on its own thread. */
    PROBE,
    /** The pool sampler reading one pool's gauges, on its own thread (target: the pool's name). */
    POOL_SAMPLER,
    /** The dashboard answering one path (target: the path). */
    DASHBOARD,
    /** Writing the report at exit. */
    EXIT_REPORT
}
