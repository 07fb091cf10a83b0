/**
 * The database probe: what the advisor asks the database itself (EXPLAIN, the catalog, hypopg's
 * hypothetical indexes), on a thread and a connection of its own, read-only and with timeouts,
 * never on the consumer thread. Results come back as events.
 *
 * <ul>
 *   <li>{@link io.queryadvisor.advisor.probe.Probe} is what a rule gets (from its
 *       {@code RuleSettings}): {@code submit} a {@link io.queryadvisor.advisor.probe.ProbeRequest}
 *       ({@link io.queryadvisor.advisor.probe.ExplainRequest},
 *       {@link io.queryadvisor.advisor.probe.HypotheticalIndexRequest},
 *       {@link io.queryadvisor.advisor.probe.TableFactsRequest},
 *       {@link io.queryadvisor.advisor.probe.SchemaFactsRequest}: the schema's indexes with their
 *       usage, its tables with their dead rows, read from the statistics views) and receive, later and in order on
 *       the consumer thread, a {@code capture.ProbeCompleted} event carrying the request and its
 *       {@link io.queryadvisor.advisor.probe.ProbeResult} (a plan, a before/after cost, catalog
 *       facts, or a {@link io.queryadvisor.advisor.probe.ProbeFailure}). Values to explain with come
 *       from {@link io.queryadvisor.advisor.probe.BindSamples}.</li>
 *   <li>{@link io.queryadvisor.advisor.probe.DatabaseProbe} runs the requests: one daemon thread, a
 *       bounded queue that drops and counts, one {@code ProbeSession} (connection) per data
 *       source, opened through the capture layer's
 *       {@link io.queryadvisor.advisor.probe.DatabaseConnector}, never the application's pool, and
 *       moved into the schema that pool moves its own connections into
 *       ({@link io.queryadvisor.advisor.probe.DatabaseConnector#inSchema}), so that the
 *       application's unqualified table names find the same tables.</li>
 *   <li>{@link io.queryadvisor.advisor.probe.ProbeDialect} is the one extension point: one class per
 *       database ({@code PostgresProbe}, {@code MySqlProbe}) sets the session up and turns a
 *       statement into a {@link io.queryadvisor.advisor.probe.Plan}.</li>
 * </ul>
 *
 * <p>Nothing the application wrote is ever executed: plain EXPLAIN only, never EXPLAIN ANALYZE,
 * one statement at a time (a text with a second statement is refused), in a read-only
 * transaction that is rolled back after each request. Bind values stay in memory: they are never
 * logged, exported or shown, and a database's error message that may quote them is withheld.
 * Credentials live in the connector alone and are never logged.
 */
package io.queryadvisor.advisor.probe;
