/**
 * The database probe: what the advisor asks the database itself (EXPLAIN, the catalog), on a
 * thread and a connection of its own, read-only and with timeouts, never on the consumer thread.
 * Results come back as events.
 */
package io.queryadvisor.advisor.probe;
