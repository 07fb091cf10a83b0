package io.queryadvisor.capture;

import io.queryadvisor.advisor.capture.RequestInfo;

/**
 * What the capture layer needs to remember per application thread. One {@link ThreadLocal}
 * lookup per intercepted call gives all of it; fields are plain because only the owning thread
 * touches them.
 */
public final class CaptureContext {

    private static final ThreadLocal<CaptureContext> CURRENT = ThreadLocal.withInitial(CaptureContext::new);

    /** Nesting depth of DataSource#getConnection / Driver#connect calls on this thread. */
    public int connectDepth;

    /** {@link System#nanoTime()} when the outermost getConnection / connect on this thread began. */
    public long connectStartNanos;

    /**
     * True while Query Advisor opens a connection of its own on this thread (a
     * {@link io.queryadvisor.advisor.probe.DatabaseConnector}): it is never wrapped nor remembered.
     */
    public boolean uncaptured;

    /** A Driver#connect ran inside the outermost getConnection: a physical connection was made. */
    public boolean physicalConnectionMade;

    /**
     * The outermost connection pool whose getConnection ran inside the outermost one (the pool behind
     * a proxy data source), or {@code null}. Strong, but only from that inner call's return to the
     * outer one's, which clears it.
     */
    public Object poolBelow;

    /**
     * True while a capturing statement executes on this thread. A capturing statement reached
     * from inside another one (an application's own DataSource proxy stacked on a pool we also
     * see) passes straight through, so that each statement is counted exactly once.
     */
    public boolean executing;

    /** The incoming request this thread is serving, if a servlet entry point said so. */
    public RequestInfo request;

    /** Nesting depth of servlet {@code service} calls on this thread: only the outermost is a request. */
    public int requestDepth;

    /** {@link System#nanoTime()} when {@link #request} started. */
    public long requestStartNanos;

    /**
     * Executions of SQL texts the call-site sampler had no room to track, for 1-in-N sampling;
     * starts at a value spread from the thread's id, not 0 (see {@link #firstUntrackedCount}).
     */
    public int untrackedExecutions = firstUntrackedCount(Thread.currentThread().getId());

    /**
     * Checkouts made on this thread, for sampling their call sites one in N; starts spread from the
     * thread's id, as {@link #untrackedExecutions} does, for the same reason.
     */
    int checkouts = untrackedExecutions;

    /** The execution count this thread looked up last (see {@link CallSiteSampler#count(String, CaptureContext)}). */
    ExecutionCount lastCounted;

    /** The capture whose connection ids this thread hands out, from {@link #nextConnectionId} to {@link #connectionIdLimit}. */
    Object idBlockOwner;
    long nextConnectionId;
    long connectionIdLimit;

    /** Reused for every look-up of a data source's name on this thread, so a look-up allocates nothing. */
    final ConnectionSources.Lookup sourceLookup = new ConnectionSources.Lookup();

    private CaptureContext() {
    }

    public static CaptureContext current() {
        return CURRENT.get();
    }

    /**
     * Where a thread's count of untracked executions starts. From 0, every thread's first execution
     * would be due, and with a virtual thread per task (one or two statements each) every
     * execution would walk the stack. Spread from the thread's id (Fibonacci hashing, so that ids
     * allocated in any stride land evenly), a thread's first execution is due with probability
     * 1/N, and nothing is shared between threads: the counter stays a plain field of this thread.
     * The context is made on its own thread (a thread-local's initial value), so the id is its owner's.
     */
    static int firstUntrackedCount(long threadId) {
        return (int) ((threadId * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
