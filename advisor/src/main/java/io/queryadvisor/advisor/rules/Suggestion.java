package io.queryadvisor.advisor.rules;

/**
 * What to change.
 *
 * @param text         the fix in words
 * @param code         code or DDL that applies it, or {@code null}
 * @param codeLanguage {@code sql}, {@code java}, ... or {@code null} when there is no code
 */
public record Suggestion(String text, String code, String codeLanguage) {

    public static Suggestion text(String text) {
        return new Suggestion(text, null, null);
    }

    public static Suggestion withSql(String text, String sql) {
        return new Suggestion(text, sql, "sql");
    }

    public static Suggestion withJava(String text, String java) {
        return new Suggestion(text, java, "java");
    }
}
