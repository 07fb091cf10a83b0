package io.queryadvisor.advisor.fingerprint;

/**
 * The normalised shape of a statement: every execution of "the same query" with other literal or
 * bind values has the same fingerprint.
 *
 * @param id     a short stable hash of {@code text}, the same across runs and machines
 * @param text   the normalised SQL: literals and binds as {@code ?}, {@code IN} lists folded,
 *               whitespace and keyword case normalised
 * @param type   what the statement does
 * @param parsed true when JSqlParser understood the statement; false when the tokenizer fallback made it
 * @param facts  what rules need to know of the statement's structure
 */
public record Fingerprint(String id, String text, StatementType type, boolean parsed, SqlFacts facts) {

    /** How a sequence is drawn from: PostgreSQL's {@code nextval('s')}, Oracle's {@code s.NEXTVAL}, the standard's. */
    private static final String[] SEQUENCE_DRAWS = {"nextval(", ".nextval", "next value for"};

    /**
     * Whether the statement draws from a sequence: a SELECT that changes the database and answers
     * differently each time it runs (Hibernate's {@code select nextval('order_ids')}), so it is no
     * read that a cache could serve.
     */
    public boolean drawsFromSequence() {
        for (String draw : SEQUENCE_DRAWS) {
            for (int i = 0; i + draw.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, draw, 0, draw.length())) {
                    return true;
                }
            }
        }
        return false;
    }
}
