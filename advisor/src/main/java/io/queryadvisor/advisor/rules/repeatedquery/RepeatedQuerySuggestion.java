package io.queryadvisor.advisor.rules.repeatedquery;

import java.util.List;

import io.queryadvisor.advisor.rules.Suggestion;
import io.queryadvisor.advisor.rules.support.Impact;
import io.queryadvisor.advisor.rules.support.JavaNames;

/**
 * The fix for a query read again with the same values: read it once and keep the result, for the
 * unit of work (a request-scoped memo, JPA's persistence context) or, for data that rarely changes,
 * in a cache with an expiry; evicted on the writes the evidence saw between reads.
 */
final class RepeatedQuerySuggestion {

    private RepeatedQuerySuggestion() {
    }

    static Suggestion of(RepeatedQueryEvidence ev) {
        long executions = ev.units().total();
        List<String> tables = ev.fingerprint().facts().tables();

        StringBuilder text = new StringBuilder("Read it once and reuse the result: a cache would have served ")
                .append(ev.hits()).append(" of these ").append(executions).append(" executions (")
                .append(Impact.percent((double) ev.hits() / executions)).append("%). ");
        String sites = ev.callSites().describe(null);
        if (sites != null) {
            text.append("It is read from ").append(sites).append(". ");
        }
        if (ev.fingerprint().facts().looksUpById()) {
            text.append("It loads one row by its id: hand the object already loaded to the code that reads it"
                    + " again (a service method that takes the entity, not its id), or run both reads in one"
                    + " transaction. ");
        }
        text.append("Keep it for the unit of work: pass the value along, or memoise it in a request-scoped bean"
                + " (@RequestScope); with JPA, load the entity with EntityManager.find or findById inside one"
                + " transaction and its persistence context returns it again without a query (JPQL and native"
                + " queries always go to the database), or make the entity @Cacheable in Hibernate's second-level"
                + " cache. For reference data that rarely changes, a cache with an expiry: Caffeine, or Spring's"
                + " @Cacheable on the method that runs it, backed by Caffeine with expireAfterWrite.");
        if (ev.unbound()) {
            text.append(" It takes no parameters: the cache holds one entry, the same for every caller.");
        }
        if (ev.unitsWrittenBetween() > 0) {
            text.append(" The application wrote to ").append(String.join(", ", tables))
                    .append(" between two reads in ").append(ev.unitsWrittenBetween())
                    .append(ev.unitsWrittenBetween() == 1 ? " unit" : " units")
                    .append(" of work: evict the entry on those writes (@CacheEvict, cache.invalidate).");
        }
        String field = JavaNames.field(tables.isEmpty() ? "" : tables.get(0), "results");
        String code = ev.unbound()
                ? "// the whole result, read again after 5 minutes at the latest: " + field + ".get(\"all\")\n"
                        + "private final LoadingCache<String, Result> " + field + " = Caffeine.newBuilder()\n"
                        + "        .expireAfterWrite(Duration.ofMinutes(5))\n"
                        + "        .build(all -> load()); // load runs: " + ev.fingerprint().text()
                : "// one entry per distinct set of values, read again after 5 minutes at the latest\n"
                        + "private final LoadingCache<Key, Result> " + field + " = Caffeine.newBuilder()\n"
                        + "        .maximumSize(10_000)\n"
                        + "        .expireAfterWrite(Duration.ofMinutes(5))\n"
                        + "        .build(key -> load(key)); // load runs: " + ev.fingerprint().text();
        return Suggestion.withJava(text.toString(), code);
    }
}
