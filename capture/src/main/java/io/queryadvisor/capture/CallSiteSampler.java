package io.queryadvisor.capture;

import java.util.Iterator;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;

import io.queryadvisor.advisor.capture.CallSite;

/**
 * Decides which executions pay for a stack walk to find their call site, and walks.
 *
 * <p>A walk costs microseconds, several times the whole capture budget, so it cannot run on
 * every statement. Each distinct SQL text gets a call site on its first {@code firstN}
 * executions (every loop, every code path that runs it early is seen), then on one execution in
 * {@code every}; and every execution slower than {@code slowerThanNanos} gets one, since its
 * cost dwarfs the walk's. What does not get a call site carries {@code null}.
 *
 * <p>The per-text counts ({@link ExecutionCount}) live in a map bounded to {@code maxTexts}; past
 * that, texts not yet in it (typically SQL with inlined literals, unique every time) are sampled
 * one in {@code every} by a per-thread counter, so a flood of distinct SQL cannot grow memory. That
 * counter starts at a point spread from the thread's id ({@link CaptureContext#firstUntrackedCount}),
 * so that short-lived threads (a virtual thread per task) are sampled one in {@code every} too.
 */
public final class CallSiteSampler {

    /** Class references let each frame be judged by its class (once per class), not by its name. */
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Spring Data and Hibernate put 60 to 100 frames between a service and the driver. */
    static final int MAX_DEPTH = 160;

    private final CallSiteFilter filter;
    private final int firstN;
    private final int every;
    private final long slowerThanNanos;
    private final int maxTexts;
    private final ConcurrentHashMap<String, ExecutionCount> executionsByText = new ConcurrentHashMap<>();
    /**
     * Events counted by thread (checkouts) this sampler walked for as one of its first {@code firstN}:
     * written only until it reaches {@code firstN}, then only read, so that no cache line bounces
     * between the threads of a busy pool. Unsynchronised, as {@link ExecutionCount}: a race may walk
     * once more or once less.
     */
    private int firstEventsSampled;

    public CallSiteSampler(CallSiteFilter filter, int firstN, int every, long slowerThanNanos, int maxTexts) {
        this.filter = filter;
        this.firstN = firstN;
        this.every = Math.max(1, every);
        this.slowerThanNanos = slowerThanNanos;
        this.maxTexts = maxTexts;
    }

    /** The call site of the running execution of {@code sql}, or {@code null} when not sampled. */
    public CallSite sample(String sql, long durationNanos) {
        return sample(count(sql), durationNanos);
    }

    /**
     * The call site of the running execution of a text counted by {@code count} (from
     * {@link #count}; {@code null} for a text the sampler had no room for), or {@code null} when
     * this execution is not sampled. Counts the execution.
     */
    public CallSite sample(ExecutionCount count, long durationNanos) {
        boolean due = count == null
                ? CaptureContext.current().untrackedExecutions++ % every == 0
                : isDue(count.next());
        return due || durationNanos >= slowerThanNanos ? walk() : null;
    }

    /**
     * The call site of an event counted by thread (a checkout), or {@code null} when not sampled: the
     * first {@code firstN} such events this sampler sees, whatever their threads, then those whose
     * thread's count {@code threadCount} is a multiple of {@code every}. A thread's count starts at a
     * value spread from its id ({@link CaptureContext#firstUntrackedCount}): counted from 0, a virtual
     * thread per task would make every event a thread's first, and walk on each.
     */
    public CallSite sampleByThread(int threadCount, long durationNanos) {
        return threadCount % every == 0 || durationNanos >= slowerThanNanos || firstEvent() ? walk() : null;
    }

    private boolean firstEvent() {
        int sampled = firstEventsSampled;
        if (sampled >= firstN) {
            return false;
        }
        firstEventsSampled = sampled + 1;
        return true;
    }

    /** The execution count of {@code sql}, or {@code null} when {@code maxTexts} texts are counted already. */
    public ExecutionCount count(String sql) {
        ExecutionCount count = executionsByText.get(sql);
        if (count == null && executionsByText.size() < maxTexts) {
            count = executionsByText.computeIfAbsent(sql, text -> new ExecutionCount(this, text));
        }
        return count;
    }

    /**
     * As {@link #count(String)}, checking first the count this thread ({@code context}) looked up
     * last, by identity: a loop prepares the same string constant again and again, and two field
     * reads are cheaper than a map look-up.
     */
    public ExecutionCount count(String sql, CaptureContext context) {
        ExecutionCount last = context.lastCounted;
        if (last != null && last.sql == sql && last.sampler == this) {
            return last;
        }
        ExecutionCount count = count(sql);
        if (count != null) {
            context.lastCounted = count;
        }
        return count;
    }

    /** From now on every execution of {@code sql} carries its bind values; nothing when the text is not counted. */
    void sampleEveryExecution(String sql) {
        ExecutionCount count = executionsByText.get(sql);
        if (count != null) {
            count.everyExecutionSampled = true;
        }
    }

    private boolean isDue(int seen) {
        return seen < firstN || seen % every == 0;
    }

    /**
     * The first application frame on the current stack; without one, the nearest framework or library
     * frame ({@link CallSite#outsideApplication}), or {@link CallSite#NO_FRAME}.
     */
    public CallSite walk() {
        return WALKER.walk(this::callSite);
    }

    private CallSite callSite(Stream<StackWalker.StackFrame> frames) {
        StackWalker.StackFrame nearest = null;
        Iterator<StackWalker.StackFrame> it = frames.limit(MAX_DEPTH).iterator();
        while (it.hasNext()) {
            StackWalker.StackFrame frame = it.next();
            CallSiteFilter.FrameKind kind = filter.kindOf(frame.getDeclaringClass());
            if (kind == CallSiteFilter.FrameKind.APPLICATION) {
                return CallSite.of(frame);
            }
            if (nearest == null && kind == CallSiteFilter.FrameKind.MEANINGFUL) {
                nearest = frame;
            }
        }
        return nearest == null ? CallSite.NO_FRAME : CallSite.outsideApplication(nearest);
    }
}
