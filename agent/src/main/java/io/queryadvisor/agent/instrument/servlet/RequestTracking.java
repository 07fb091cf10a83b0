package io.queryadvisor.agent.instrument.servlet;

import java.util.concurrent.atomic.AtomicLong;

import io.queryadvisor.advisor.capture.RequestCompleted;
import io.queryadvisor.advisor.capture.RequestInfo;
import io.queryadvisor.agent.AgentLog;
import io.queryadvisor.agent.instrument.ConnectionWrapping;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureContext;

/**
 * Marks the incoming request a thread is serving, so that every statement it runs carries a
 * {@link RequestInfo} and the N+1 rule can take the request as its unit of work.
 *
 * <p>Only the outermost servlet {@code service} call on a thread is a request: a servlet that
 * calls {@code super.service}, a forward or an include nest inside it and change nothing. When
 * the outermost call returns (or throws), the request is cleared and a {@link RequestCompleted}
 * ends its unit of work.
 *
 * <p>Called by the advice inlined into servlets, with plain strings, so nothing here depends on a
 * servlet API. Never throws: a failure is said once and the request goes on untracked.
 *
 * <p>An asynchronous request ({@code startAsync}) is tracked until {@code service} returns, not
 * until it completes: statements run later on another thread carry no request (and fall back to
 * their transaction or connection as unit of work); one dispatched back into a servlet by
 * {@code AsyncContext.dispatch} is tracked as a request of its own.
 */
public final class RequestTracking {

    private static final AtomicLong IDS = new AtomicLong();

    private RequestTracking() {
    }

    /**
     * A {@code service} call begins. Returns whether {@link #exit} must follow: true unless even
     * the nesting count could not be taken.
     */
    public static boolean enter(String method, String uri) {
        CaptureContext ctx;
        try {
            ctx = CaptureContext.current();
            if (ctx.requestDepth++ > 0) {
                return true;
            }
        } catch (Throwable t) {
            AgentLog.warnOnce("request-enter", "request tracking failed; requests run untracked", t);
            return false;
        }
        try {
            if (ConnectionWrapping.capture() != null) {
                ctx.request = new RequestInfo(IDS.incrementAndGet(), EndpointNames.of(method, uri));
                ctx.requestStartNanos = System.nanoTime();
            }
        } catch (Throwable t) {
            AgentLog.warnOnce("request-enter", "request tracking failed; requests run untracked", t);
        }
        return true;
    }

    /** The {@code service} call that {@link #enter} returned true for has returned or thrown. */
    public static void exit() {
        try {
            CaptureContext ctx = CaptureContext.current();
            if (--ctx.requestDepth > 0) {
                return;
            }
            ctx.requestDepth = 0;
            RequestInfo request = ctx.request;
            if (request == null) {
                return;
            }
            ctx.request = null;
            long start = ctx.requestStartNanos;
            // Sent for every request, statements or not: one small event per HTTP call, against one
            // or more per statement, and the advisor ignores a request it holds no unit of work for.
            Capture active = ConnectionWrapping.capture();
            if (active != null) {
                active.emit(new RequestCompleted(request, start, System.nanoTime() - start));
            }
        } catch (Throwable t) {
            AgentLog.warnOnce("request-exit", "request tracking failed; requests run untracked", t);
        }
    }
}
