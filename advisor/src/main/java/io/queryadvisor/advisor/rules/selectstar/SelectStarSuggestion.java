package io.queryadvisor.advisor.rules.selectstar;

import java.util.List;

import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.rules.Suggestion;

/**
 * The fix for one starred statement, from the columns its results were read for: the statement
 * rewritten with them when {@link SelectStarRewriter} can do that safely, else the column list in
 * words with the reason.
 */
final class SelectStarSuggestion {

    /** Why it matters, as it is today. */
    private static final String WHY = "every other column is read, sent over the network and decoded for nothing,"
            + " and the database cannot answer from an index alone.";

    private SelectStarSuggestion() {
    }

    static Suggestion of(Fingerprint fingerprint, ColumnsRead columns) {
        if (columns.none()) {
            return noColumnRead(fingerprint);
        }
        List<String> names = columns.names();
        List<String> labels = columns.labels();
        if (!columns.positions().isEmpty()) {
            // A position in a SELECT * is a column of the table's definition, which the advisor cannot see.
            return Suggestion.text("Replace the star with the columns the code reads: " + String.join(", ", labels)
                    + ". It reads " + String.join(", ", labels.subList(names.size(), labels.size()))
                    + " by position, which the star leaves to the table's column order: name those columns in the"
                    + " select list at the positions the code expects (or read them by name). Today " + WHY);
        }
        if (columns.namesNotKept() > 0) {
            return Suggestion.text("Replace the star with the columns the code reads; the first " + names.size()
                    + " are " + String.join(", ", names) + ", and it reads more. Today " + WHY);
        }
        SelectStarRewriter.StarRewrite rewrite = SelectStarRewriter.rewrite(fingerprint.text(), names);
        if (rewrite.sql() == null) {
            return Suggestion.text("Replace the star with the columns the code reads: " + String.join(", ", names)
                    + ". The statement is not rewritten here because " + rewrite.problem() + ". Today " + WHY);
        }
        String text = "Select only the columns the code reads (" + String.join(", ", names) + "): today " + WHY
                + starsLeft(fingerprint, rewrite) + (rewrite.joins()
                        ? " Qualify any column that more than one of the joined tables has." : "");
        return Suggestion.withSql(text, rewrite.sql());
    }

    private static Suggestion noColumnRead(Fingerprint fingerprint) {
        String text = "The code never reads a column of this result, it only moves through its rows (to see"
                + " whether there is one, or to count them): select a constant instead of every column, or better,"
                + " let the database answer with EXISTS (...) or COUNT(*).";
        SelectStarRewriter.StarRewrite rewrite = SelectStarRewriter.rewrite(fingerprint.text(), List.of());
        if (rewrite.sql() == null) {
            return Suggestion.text(text + " The statement is not rewritten here because " + rewrite.problem() + ".");
        }
        return Suggestion.withSql(text + starsLeft(fingerprint, rewrite), rewrite.sql());
    }

    /** Says so when the facts count more stars than the top-level select list had. */
    private static String starsLeft(Fingerprint fingerprint, SelectStarRewriter.StarRewrite rewrite) {
        int left = fingerprint.facts().starTargets().size() - rewrite.starsReplaced();
        return left <= 0 ? "" : " The statement has " + left + " more star" + (left == 1 ? "" : "s")
                + " in subqueries or CTEs, left as they are: narrow them to the columns the outer query uses"
                + " (a star inside EXISTS (...) costs nothing).";
    }
}
