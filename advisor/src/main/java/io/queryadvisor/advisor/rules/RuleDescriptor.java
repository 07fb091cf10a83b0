package io.queryadvisor.advisor.rules;

/**
 * What a rule is, for people and tools: the one source of the README's rule table, the
 * dashboard's help ({@code GET /api/rules}) and the rule metadata of machine-readable reports.
 *
 * @param id        the stable public id ({@code n-plus-one}); recommendation ids start with it
 * @param title     a short name ("N+1 queries")
 * @param checklist the backend-performance checklist line the rule serves
 * @param kind      what a finding is about
 * @param help      what the rule finds and what it suggests, in a sentence or two
 */
public record RuleDescriptor(String id, String title, String checklist, Kind kind, String help) {

    /** What a rule's findings are about. */
    public enum Kind {
        /** one query (a fingerprint) */
        QUERY,
        /** how connections are obtained and held */
        CONNECTION,
        /** the database's schema: indexes, tables */
        SCHEMA
    }

    public RuleDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a rule id is lower-case words joined by dashes, got " + id);
        }
    }
}
