package io.queryadvisor.advisor.probe;

import java.time.Instant;

/**
 * One database as its server describes it, for the schema rules.
 *
 * @param name                the database's name ({@code current_database()})
 * @param identity            what tells this database apart from any other, whatever URL reached it:
 *                            its name and its server's start time; two data sources with the same
 *                            identity are one database
 * @param statsSince          since when the usage counters count: the last statistics reset, else
 *                            the server's start (counters may be older still: PostgreSQL 15 keeps
 *                            them across a clean restart, so this is the shortest the window can be)
 * @param statsReset          whether {@code statsSince} is an explicit reset ({@code pg_stat_reset})
 * @param replica             whether the probe reached a standby, whose counters are its own
 * @param counting            whether the server counts scans and rows at all ({@code track_counts})
 * @param autovacuum          the server's autovacuum settings, which a table's options override
 */
public record DatabaseFacts(String name, String identity, Instant statsSince, boolean statsReset, boolean replica,
                            boolean counting, AutovacuumSettings autovacuum) {
}
