package io.queryadvisor.capture.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

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
 * query is then reported only if they are closed, or their result set is.) Nothing is allocated
 * until a connection's first statement.
 */
final class OpenStatements {

    static final int CHUNK = 8;
    static final int MAX_CHUNKS = 16;
    static final int MAX_TRACKED = CHUNK * MAX_CHUNKS;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(CapturingStatement[].class);
    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(OpenStatements.class, "next", OpenStatements.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CapturingStatement[] slots = new CapturingStatement[CHUNK];
    private final int chunk;
    @SuppressWarnings("unused") // through NEXT
    private volatile OpenStatements next;

    OpenStatements() {
        this(0);
    }

    private OpenStatements(int chunk) {
        this.chunk = chunk;
    }

    /** Tracks {@code statement}; false when the bound is reached and it is not tracked. */
    boolean track(CapturingStatement statement) {
        for (OpenStatements c = this; c != null; c = c.nextChunk()) {
            CapturingStatement[] s = c.slots;
            for (int i = 0; i < CHUNK; i++) {
                if (SLOT.getAcquire(s, i) == null && SLOT.compareAndSet(s, i, null, statement)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stops tracking {@code statement}; called once per statement, by its close. */
    void untrack(CapturingStatement statement) {
        for (OpenStatements c = this; c != null; c = c.next) {
            CapturingStatement[] s = c.slots;
            for (int i = 0; i < CHUNK; i++) {
                if (SLOT.getAcquire(s, i) == statement) {
                    SLOT.setRelease(s, i, null);
                    return;
                }
            }
        }
    }

    /** Passes every statement tracked now to {@code action}. */
    void forEach(java.util.function.Consumer<CapturingStatement> action) {
        for (OpenStatements c = this; c != null; c = c.next) {
            for (int i = 0; i < CHUNK; i++) {
                CapturingStatement statement = (CapturingStatement) SLOT.getAcquire(c.slots, i);
                if (statement != null) {
                    action.accept(statement);
                }
            }
        }
    }

    /** Statements tracked now; for tests. */
    int size() {
        int[] n = {0};
        forEach(statement -> n[0]++);
        return n[0];
    }

    /** The chunk after this one, made (once, whichever thread wins) when this one is full; null at the bound. */
    private OpenStatements nextChunk() {
        OpenStatements following = next;
        if (following != null || chunk == MAX_CHUNKS - 1) {
            return following;
        }
        OpenStatements made = new OpenStatements(chunk + 1);
        OpenStatements raced = (OpenStatements) NEXT.compareAndExchange(this, null, made);
        return raced == null ? made : raced;
    }
}
