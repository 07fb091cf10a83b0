package io.queryadvisor.advisor.rules.repeatedquery;

import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.callSite;
import static io.queryadvisor.advisor.rules.testing.ObservedStatementBuilder.onTables;
import static io.queryadvisor.advisor.rules.testing.RuleWorkload.settings;
import static io.queryadvisor.advisor.rules.testing.UnitOfWorkScript.execution;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.advisor.fingerprint.Fingerprint;
import io.queryadvisor.advisor.fingerprint.Fingerprinter;
import io.queryadvisor.advisor.rules.Recommendation;
import io.queryadvisor.advisor.rules.RuleSettings;
import io.queryadvisor.advisor.rules.engine.RuleRegistry;
import io.queryadvisor.advisor.rules.nplusone.NPlusOneRule;
import io.queryadvisor.advisor.rules.testing.UnitOfWorkScript;
import io.queryadvisor.advisor.stats.CallSiteCount;

class RepeatedQueryRuleTest {

    static final Fingerprint CURRENCY = onTables("SELECT value FROM settings WHERE name = ?", "settings");
    static final String CURRENCY_SQL = "SELECT value FROM settings WHERE name = 'currency'";
    static final Fingerprint USER = onTables("SELECT id, name FROM users WHERE id = ?", "users");
    static final Fingerprint UPDATE_SETTINGS = onTables("UPDATE settings SET value = ? WHERE name = ?", "settings");
    static final Fingerprint INSERT_AUDIT = onTables("INSERT INTO audit_log (event) VALUES (?)", "audit_log");
    static final CallSite HEADER = callSite("com.shop.web.Header", "currency", 18);
    /** Hibernate's {@code findById}, as the real fingerprinter reads it. */
    static final Fingerprint PRODUCT_BY_ID = new Fingerprinter().fingerprint(
            "select p1_0.id,p1_0.name,p1_0.stock from products p1_0 where p1_0.id=?");
    static final Fingerprint PRODUCTS_BY_IDS = new Fingerprinter().fingerprint(
            "select p1_0.id,p1_0.name from products p1_0 where p1_0.id in (?,?,?)");
    static final Fingerprint PRODUCT_BY_SKU = new Fingerprinter().fingerprint(
            "select p1_0.id,p1_0.name from products p1_0 where p1_0.sku=?");
    static final Fingerprint UPDATE_STOCK = new Fingerprinter().fingerprint(
            "update products set stock=? where id=?");

    private final RepeatedQueryRule rule = new RepeatedQueryRule(RuleSettings.defaults(RepeatedQueryRule.ID));
    private final UnitOfWorkScript app = new UnitOfWorkScript(rule);

    private static UnitOfWorkScript.Execution currency() {
        return execution(CURRENCY).inlined(CURRENCY_SQL).from(HEADER);
    }

    @Test
    void flagsAReferenceLookupRunAgainWhileOnePageRenders() {
        app.request(1, "GET /products").connection(1);
        for (int i = 0; i < 7; i++) {
            app.run(currency(), execution(USER));
        }

        Recommendation r = app.complete().only();

        assertThat(r.rule()).isEqualTo("repeated-identical-query");
        assertThat(r.id()).isEqualTo("repeated-identical-query:" + CURRENCY.id());
        assertThat(r.title()).isEqualTo("Repeated query: a query on settings runs with the same values up to 7 times"
                + " per request (in 1 request)");
        assertThat(r.evidence())
                .containsEntry("unitsOfWork", 1L)
                .containsEntry("unitOfWorkKind", "request")
                .containsEntry("maxRepetitions", 7L)
                .containsEntry("medianRepetitions", 7L)
                .containsEntry("executions", 7L)
                .containsEntry("executionsACacheWouldSave", 6L)
                .containsEntry("cacheHitRatioPercent", 85.7)
                .containsEntry("savableMillis", 6.0)
                .containsEntry("tablesWrittenBetween", "no")
                .containsEntry("endpoints", "GET /products (1)")
                .containsEntry("callSites", "com.shop.web.Header.currency(Header.java:18)");
        assertThat(r.callSites()).extracting(CallSiteCount::callSite)
                .containsExactly("com.shop.web.Header.currency(Header.java:18)");
    }

    @Test
    void givesEvidenceInReadingOrder() {
        app.request(1, "GET /products").run(currency(), currency(), currency()).complete();

        assertThat(List.copyOf(app.only().evidence().keySet())).containsExactly("unitsOfWork", "unitOfWorkKind",
                "maxRepetitions", "medianRepetitions", "executions", "executionsACacheWouldSave",
                "cacheHitRatioPercent", "savableMillis", "tablesWrittenBetween", "endpoints", "callSites");
    }

    @Test
    void flagsTheSameEntityLoadedByIdThreeTimesInATransaction() {
        app.connection(1).transaction(1).run(execution(USER).binds(42), execution(USER).binds(42),
                execution(USER).binds(42)).release();

        Recommendation r = app.only();

        assertThat(r.fingerprintId()).isEqualTo(USER.id());
        assertThat(r.evidence()).containsEntry("unitOfWorkKind", "transaction")
                .containsEntry("executionsACacheWouldSave", 2L);
    }

    @Test
    void ignoresAQueryRunTwice() {
        app.run(currency(), currency()).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void flagsTheSameEntityLoadedByIdTwiceInOneRequestInTwoTransactions() {
        // The controller's findById, then the service's, each in a transaction of its own.
        app.request(1, "GET /products/{id}/availability")
                .connection(1).transaction(1).run(execution(PRODUCT_BY_ID).binds(42)).release()
                .connection(2).transaction(2).run(execution(PRODUCT_BY_ID).binds(42)).release()
                .complete();

        Recommendation r = app.only();

        assertThat(r.fingerprintId()).isEqualTo(PRODUCT_BY_ID.id());
        assertThat(r.title()).isEqualTo("Repeated query: a query on products runs with the same values up to 2 times"
                + " per request (in 1 request)");
        assertThat(r.evidence()).containsEntry("maxRepetitions", 2L)
                .containsEntry("executionsACacheWouldSave", 1L)
                .containsEntry("endpoints", "GET /products/{id}/availability (1)");
    }

    @Test
    void ignoresTheSameEntityLoadedByIdOnceInARequest() {
        app.request(1, "GET /products/{id}/availability/loaded-once").run(execution(PRODUCT_BY_ID).binds(42))
                .complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresTwoEntitiesLoadedByIdInOneRequest() {
        app.request(1, "GET /compare").run(execution(PRODUCT_BY_ID).binds(42), execution(PRODUCT_BY_ID).binds(43))
                .complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnEntityLoadedByIdTwiceWithAWriteToItBetween() {
        app.request(1, "POST /products/{id}/stock").run(execution(PRODUCT_BY_ID).binds(42),
                execution(UPDATE_STOCK).binds(42), execution(PRODUCT_BY_ID).binds(42)).complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAQueryNotByIdRunTwiceInARequest() {
        app.request(1, "GET /products").run(execution(PRODUCT_BY_SKU).binds(7), execution(PRODUCT_BY_SKU).binds(7),
                execution(PRODUCTS_BY_IDS).binds(9), execution(PRODUCTS_BY_IDS).binds(9), currency(), currency())
                .complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresAnEntityLoadedByIdTwiceOutsideARequest() {
        // A job may read a row again on purpose; JPA's persistence context makes a second findById in
        // one transaction free already.
        app.connection(1).transaction(1).run(execution(PRODUCT_BY_ID).binds(42), execution(PRODUCT_BY_ID).binds(42))
                .release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void suggestsHandingTheLoadedEntityAlong() {
        Recommendation r = app.request(1, "GET /products/{id}/availability")
                .run(execution(PRODUCT_BY_ID).binds(42), execution(PRODUCT_BY_ID).binds(42)).complete().only();

        assertThat(r.suggestion().text()).contains("It loads one row by its id: hand the object already loaded",
                "a service method that takes the entity, not its id");
    }

    @Test
    void readsTheKeyLookupThresholdFromSettings() {
        UnitOfWorkScript lenient = new UnitOfWorkScript(
                new RepeatedQueryRule(settings(RepeatedQueryRule.ID, "keyLookupThreshold", "3")));

        lenient.request(1, "GET /products/{id}/availability")
                .run(execution(PRODUCT_BY_ID).binds(42), execution(PRODUCT_BY_ID).binds(42)).complete();

        assertThat(lenient.recommendations()).isEmpty();
    }

    @Test
    void ignoresALoopOverDifferentValues() {
        for (int user = 1; user <= 10; user++) {
            app.run(execution(USER).binds(user));
        }
        app.release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void leavesALoopThatRepeatsSomeValuesToNPlusOne() {
        // The customer of each of 8 orders, 3 customers: a loop, never both findings.
        Consumer<UnitOfWorkScript> loop = script -> {
            for (long customer : new long[] {1, 2, 1, 3, 3, 1, 2, 2}) {
                script.run(execution(USER).binds(customer));
            }
            script.release();
        };
        UnitOfWorkScript nPlusOne = new UnitOfWorkScript(new NPlusOneRule(RuleSettings.defaults(NPlusOneRule.ID)));
        loop.accept(nPlusOne);
        loop.accept(app);

        assertThat(nPlusOne.recommendations()).hasSize(1);
        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresRepeatsWithAWriteToTheirTableBetweenEach() {
        app.run(currency(), execution(UPDATE_SETTINGS), currency(), execution(UPDATE_SETTINGS), currency()).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void countsOnlyTheReadsACacheEmptiedByTheWriteWouldServe() {
        app.run(currency(), currency(), currency(), execution(UPDATE_SETTINGS), currency()).release();

        assertThat(app.only().evidence()).containsEntry("executions", 4L)
                .containsEntry("executionsACacheWouldSave", 2L)
                .containsEntry("tablesWrittenBetween", "in 1 of 1 units of work");
    }

    @Test
    void aWriteToAnotherTableChangesNothing() {
        app.run(currency(), execution(INSERT_AUDIT), currency(), execution(INSERT_AUDIT), currency()).release();

        assertThat(app.only().evidence()).containsEntry("executionsACacheWouldSave", 2L)
                .containsEntry("tablesWrittenBetween", "no");
    }

    @Test
    void aCallMayWriteAnyTable() {
        Fingerprint call = onTables("CALL recompute_prices(?)");

        app.run(currency(), execution(call), currency(), execution(call), currency()).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresASequenceDrawnFromAgain() {
        Fingerprint nextval = new Fingerprinter().fingerprint("select nextval('order_line_ids')");

        app.request(1, "POST /orders").run(execution(nextval), execution(nextval), execution(nextval)).complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresABatch() {
        app.run(execution(USER).binds(1).batch(1), execution(USER).binds(1).batch(1),
                execution(USER).binds(1).batch(1)).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void ignoresARepeatedWrite() {
        app.run(execution(UPDATE_SETTINGS).binds(1), execution(UPDATE_SETTINGS).binds(1),
                execution(UPDATE_SETTINGS).binds(1)).release();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void doesNotAddUpAcrossUnitsOfWork() {
        app.request(1, "GET /a").run(currency(), currency()).complete()
                .request(2, "GET /a").run(currency(), currency()).complete();

        assertThat(app.recommendations()).isEmpty();
    }

    @Test
    void waitsForTheUnitOfWorkToEnd() {
        app.request(1, "GET /a").run(currency(), currency(), currency());

        assertThat(app.recommendations()).isEmpty();
        assertThat(app.complete().recommendations()).hasSize(1);
    }

    @Test
    void reportsMaxAndMedianRepetitionsOverUnits() {
        int[] repeats = {3, 5, 9};
        for (int i = 0; i < repeats.length; i++) {
            app.request(i + 1, "GET /products");
            for (int n = 0; n < repeats[i]; n++) {
                app.run(currency());
            }
            app.complete();
        }

        Recommendation r = app.only();

        assertThat(r.title()).endsWith("up to 9 times per request (in 3 requests)");
        assertThat(r.evidence()).containsEntry("unitsOfWork", 3L)
                .containsEntry("maxRepetitions", 9L)
                .containsEntry("medianRepetitions", 5L)
                .containsEntry("executions", 17L)
                .containsEntry("executionsACacheWouldSave", 14L)
                .containsEntry("endpoints", "GET /products (3)");
    }

    @Test
    void findsTheLookupOfAJobThatChecksOutAConnectionEachTime() {
        for (int i = 1; i <= 4; i++) {
            app.connection(i).run(currency()).release().later(Duration.ofMillis(5));
        }

        Recommendation r = app.later(Duration.ofMillis(100)).only();

        assertThat(r.evidence()).containsEntry("unitOfWorkKind", "series of checkouts on one thread")
                .containsEntry("maxRepetitions", 4L);
    }

    @Test
    void suggestsKeepingTheResultNamingTheCallSites() {
        Recommendation r = app.run(currency(), currency(), currency()).release().only();

        assertThat(r.suggestion().text()).contains("a cache would have served 2 of these 3 executions (66.7%)",
                "It is read from com.shop.web.Header.currency(Header.java:18)", "@RequestScope",
                "persistence context", "second-level cache", "Caffeine", "@Cacheable",
                "It takes no parameters");
        assertThat(r.suggestion().codeLanguage()).isEqualTo("java");
        assertThat(r.suggestion().code()).contains("LoadingCache<String, Result> settings",
                "expireAfterWrite(Duration.ofMinutes(5))", "load runs: " + CURRENCY.text());
    }

    @Test
    void suggestsACacheByValuesForAQueryWithParameters() {
        Recommendation r = app.run(execution(USER).binds(7), execution(USER).binds(7), execution(USER).binds(7))
                .release().only();

        assertThat(r.suggestion().text()).doesNotContain("no parameters");
        assertThat(r.suggestion().code()).contains("LoadingCache<Key, Result> users", "key -> load(key)");
    }

    @Test
    void suggestsEvictingOnTheWritesSeenBetweenReads() {
        Recommendation r = app.run(currency(), currency(), currency(), execution(UPDATE_SETTINGS), currency())
                .release().only();

        assertThat(r.suggestion().text()).contains("wrote to settings between two reads in 1 unit of work",
                "@CacheEvict");
    }

    @Test
    void gradesSeverityByTheTimeACacheWouldSave() {
        // 80 ms of 2,120 is 3.8% (low); the query's whole 120 ms would be 5.7% (medium)
        app.run(currency().millis(40), currency().millis(40), currency().millis(40), execution(USER).millis(2000))
                .release();

        Recommendation r = app.only();

        assertThat(r.impactMillis()).isEqualTo(80.0);
        assertThat(r.severity().label()).isEqualTo("low");
    }

    @Test
    void readsThresholdFromSettings() {
        UnitOfWorkScript strict = new UnitOfWorkScript(
                new RepeatedQueryRule(settings(RepeatedQueryRule.ID, "threshold", "2")));

        assertThat(strict.run(currency(), currency()).release().recommendations()).hasSize(1);
    }

    @Test
    void staysBoundedUnderAFloodOfQueries() {
        RepeatedQueryRule small = new RepeatedQueryRule(settings(RepeatedQueryRule.ID,
                "maxFingerprintsPerUnit", "10", "maxTrackedQueries", "15", "maxFingerprints", "3"));
        UnitOfWorkScript script = new UnitOfWorkScript(small);
        for (int i = 0; i < 30; i++) {
            Fingerprint q = onTables("SELECT * FROM t" + i + " WHERE id = ?", "t" + i);
            for (int n = 0; n < 3; n++) {
                script.connection(1 + i % 2).run(execution(q).binds(1));
            }
        }

        assertThat(small.queriesTracked()).isEqualTo(15);
        assertThat(small.counters()).containsEntry("executionsNotTracked", 45L);
        script.connection(1).release().connection(2).release();
        assertThat(small.queriesTracked()).isZero();
        assertThat(small.fingerprintsTracked()).isEqualTo(3);
        assertThat(script.recommendations()).hasSize(3);
        assertThat(small.counters()).containsEntry("fingerprintsDropped", 12L);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(RuleRegistry.ids()).contains("repeated-identical-query");
        assertThat(RuleRegistry.enabledRules(Settings.empty())).anyMatch(r -> r instanceof RepeatedQueryRule);
    }
}
