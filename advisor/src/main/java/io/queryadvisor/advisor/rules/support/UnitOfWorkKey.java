package io.queryadvisor.advisor.rules.support;

import io.queryadvisor.advisor.capture.StatementExecuted;

/**
 * Which unit of work a statement belongs to: the incoming request it ran in, else its transaction,
 * else its connection checkout; and checkouts that follow one another closely on one thread, outside
 * any request or transaction, make one series (see {@link UnitsOfWork}). Rules that judge "within
 * one unit of work" (an N+1 is a loop inside one) key their state by it.
 *
 * @param scope         what kind of unit it is
 * @param id            the request id, the connection id for a transaction or a checkout, or the
 *                      thread id for a series of checkouts
 * @param transactionId the transaction on that connection; 0 unless {@code scope} is a transaction
 */
public record UnitOfWorkKey(Scope scope, long id, long transactionId) {

    /** The kinds of unit, widest first; a statement belongs to the first one it has. */
    public enum Scope {
        REQUEST("request", "requests"),
        TRANSACTION("transaction", "transactions"),
        THREAD("series of checkouts on one thread", "series of checkouts on one thread"),
        CONNECTION("connection checkout", "connection checkouts");

        private final String singular;
        private final String plural;

        Scope(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        /** {@code request}, {@code transaction}, {@code connection checkout}... */
        public String noun() {
            return singular;
        }

        /** {@code 1 request}, {@code 3 transactions}. */
        public String count(long n) {
            return n + " " + (n == 1 ? singular : plural);
        }
    }

    /** The unit {@code e} ran in, as far as the statement alone tells (never a series of checkouts). */
    public static UnitOfWorkKey of(StatementExecuted e) {
        if (e.request() != null) {
            return request(e.request().id());
        }
        return e.transactionId() != 0 ? transaction(e.connectionId(), e.transactionId()) : connection(e.connectionId());
    }

    public static UnitOfWorkKey request(long requestId) {
        return new UnitOfWorkKey(Scope.REQUEST, requestId, 0);
    }

    public static UnitOfWorkKey transaction(long connectionId, long transactionId) {
        return new UnitOfWorkKey(Scope.TRANSACTION, connectionId, transactionId);
    }

    public static UnitOfWorkKey connection(long connectionId) {
        return new UnitOfWorkKey(Scope.CONNECTION, connectionId, 0);
    }

    public static UnitOfWorkKey thread(long threadId) {
        return new UnitOfWorkKey(Scope.THREAD, threadId, 0);
    }
}
