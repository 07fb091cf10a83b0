package io.queryadvisor.capture.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The statements of one connection that are not closed yet, so that a query whose statement the
 * application never closes is still reported when the connection closes (HikariCP tracks its
 * statements for the same reason, to close them).
 *
 * <p>A connection may be shared by several threads, so this is safe for concurrent use, and
 * lock-free: tracking a statement is one CAS into a free slot, untracking it one release store
 * (only the statement's own idempotent close clears its slot). HikariCP takes an uncontended lock
 * here instead; a lock costs two atomic operations per call, this one or none, and the capture
 * budget is counted in such operations.
 *
 * <p>Bounded: slots come in chunks of {@value #CHUNK}, at most {@value #MAX_TRACKED} in all. An
 * application that leaves more statements open on one connection is leaking them; those past the
 * bound are only counted, never referenced, so the wrapper never keeps them alive. (Their last
 * query is then reported only if they are closed, or their result set is.)
 *
 * <p>A chunk is one plain array, its last element the next chunk: one allocation per chunk, and
 * none until a connection's first statement.
 */
final class OpenStatements {

    static final int CHUNK = 4; // most connections have one or two statements open at a time
    static final int MAX_CHUNKS = 32;
    static final int MAX_TRACKED = CHUNK * MAX_CHUNKS;

    private static final int NEXT = CHUNK;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private OpenStatements() {
    }

    /** A first chunk, empty. */
    static Object[] newChunk() {
        return new Object[CHUNK + 1];
    }

    /** Tracks {@code statement} in the chunks from {@code first}; false when the bound is reached. */
    static boolean track(Object[] first, CapturingStatement statement) {
        int chunks = 0;
        for (Object[] chunk = first; chunk != null; chunk = ++chunks < MAX_CHUNKS ? next(chunk, true) : null) {
            for (int i = 0; i < CHUNK; i++) {
                if (SLOT.getAcquire(chunk, i) == null && SLOT.compareAndSet(chunk, i, null, statement)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stops tracking {@code statement}; called once per statement, by its close. */
    static void untrack(Object[] first, CapturingStatement statement) {
        for (Object[] chunk = first; chunk != null; chunk = next(chunk, false)) {
            for (int i = 0; i < CHUNK; i++) {
                if (SLOT.getAcquire(chunk, i) == statement) {
                    SLOT.setRelease(chunk, i, null);
                    return;
                }
            }
        }
    }

    /** Passes every statement tracked now to {@code action}. */
    static void forEach(Object[] first, Consumer<CapturingStatement> action) {
        for (Object[] chunk = first; chunk != null; chunk = next(chunk, false)) {
            for (int i = 0; i < CHUNK; i++) {
                Object statement = SLOT.getAcquire(chunk, i);
                if (statement != null) {
                    action.accept((CapturingStatement) statement);
                }
            }
        }
    }

    /** Statements tracked now; for tests. */
    static int size(Object[] first) {
        int[] n = {0};
        forEach(first, statement -> n[0]++);
        return n[0];
    }

    /** The chunk after {@code chunk}; made (once, whichever thread wins) when {@code make} and there is none. */
    private static Object[] next(Object[] chunk, boolean make) {
        Object[] following = (Object[]) SLOT.getAcquire(chunk, NEXT);
        if (following != null || !make) {
            return following;
        }
        Object[] made = newChunk();
        Object[] raced = (Object[]) SLOT.compareAndExchange(chunk, NEXT, null, made);
        return raced == null ? made : raced;
    }
}
