package io.queryadvisor.advisor.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.Severity;
import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.slowquery.SlowQueryRule;

/**
 * Ties together findings of different rules about one statement, once every rule has made its
 * own (each {@code recommend()} stays pure and blind to the others): a statement that is both slow
 * and an N+1 loop is one problem seen twice, and the developer must know which to fix first.
 *
 * <p>When the slow-query finding is there only because the statement's executions add up
 * ({@code slowBecause} = dominant: each one is fast), the loop is the root cause: the N+1 finding
 * ranks first and the slow one says it is its symptom. When each execution is slow, the statement
 * itself is the root cause, which the loop multiplies: the slow finding ranks first. Both findings
 * say so, and name the other by its id. The root cause is at least as severe as its symptom.
 */
final class RootCauses {

    static final String DOMINANT = SlowQueryRule.DOMINANT;

    private RootCauses() {
    }

    /** {@code sorted} (in the engine's order) with each slow/N+1 pair linked and its root cause first. */
    static List<Recommendation> link(List<Recommendation> sorted) {
        Map<String, Recommendation> loops = new HashMap<>();
        for (Recommendation r : sorted) {
            if (r.rule().equals(NPlusOneRule.ID) && r.fingerprintId() != null) {
                loops.put(r.fingerprintId(), r);
            }
        }
        if (loops.isEmpty()) {
            return sorted;
        }
        Map<String, Recommendation> replaced = new HashMap<>();
        Map<String, String> rootOf = new LinkedHashMap<>(); // symptom id -> root cause id
        for (Recommendation slow : sorted) {
            Recommendation loop = slow.rule().equals(SlowQueryRule.ID) ? loops.get(slow.fingerprintId()) : null;
            if (loop == null) {
                continue;
            }
            boolean loopIsRoot = DOMINANT.equals(slow.evidence().get("slowBecause"));
            Recommendation root = loopIsRoot ? loop : slow;
            Recommendation symptom = loopIsRoot ? slow : loop;
            replaced.put(root.id(), noted(root, "rootCauseOf", symptom.id(), loopIsRoot
                    ? "This loop is why the statement is slow in sum (" + symptom.id() + "): its executions are fast"
                    + " one by one, there are just too many. Fix the loop first; the slow-query finding goes with it."
                    : "Each execution of this statement is slow on its own; it also runs in an N+1 loop ("
                    + symptom.id() + "), which multiplies that time. Fix the statement first, then the loop.",
                    symptom.severity()));
            replaced.put(symptom.id(), noted(symptom, "symptomOf", root.id(), loopIsRoot
                    ? "Slow only in sum: it runs in an N+1 loop (" + root.id() + "), fast one execution at a time."
                    + " Fix the loop first; this finding goes with it."
                    : "Each execution is slow on its own (" + root.id() + "); this loop multiplies that time. Fix the"
                    + " statement first, then the loop.", symptom.severity()));
            rootOf.put(symptom.id(), root.id());
        }
        List<Recommendation> linked = new ArrayList<>(sorted.size());
        for (Recommendation r : sorted) {
            linked.add(replaced.getOrDefault(r.id(), r));
        }
        linked.sort(RuleEngine.ORDER);
        rootOf.forEach((symptom, root) -> placeAfter(linked, symptom, root));
        return linked;
    }

    private static Recommendation noted(Recommendation r, String key, String otherId, String note, Severity atLeast) {
        Map<String, Object> evidence = new LinkedHashMap<>(r.evidence());
        evidence.put(key, otherId);
        Suggestion s = r.suggestion();
        Suggestion suggestion = new Suggestion(note + " " + s.text(), s.code(), s.codeLanguage());
        Severity severity = atLeast.compareTo(r.severity()) < 0 ? atLeast : r.severity(); // HIGH is the smallest
        return new Recommendation(r.id(), r.rule(), severity, r.title(), r.fingerprintId(), r.fingerprint(), r.sql(),
                r.callSites(), evidence, suggestion, r.impactMillis());
    }

    /** Moves the symptom just after its root cause when the order put it before. */
    private static void placeAfter(List<Recommendation> list, String symptomId, String rootId) {
        int symptom = indexOf(list, symptomId);
        int root = indexOf(list, rootId);
        if (symptom >= 0 && root > symptom) {
            Recommendation moved = list.remove(symptom);
            list.add(root, moved); // root moved one place up when the symptom left: this is just after it
        }
    }

    private static int indexOf(List<Recommendation> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
