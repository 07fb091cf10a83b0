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
}
