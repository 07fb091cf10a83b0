package io.queryadvisor.benchmarks;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import io.queryadvisor.advisor.config.Settings;

/** What stands between the statement cycle and the HikariCP pool. */
public enum Variant {

    /** Nothing: HikariCP over the stub driver, the baseline every other variant is compared with. */
    RAW {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            return pool::getConnection;
        }
    },

    /** Query Advisor's capture with its default settings, a real advisor consuming the events. */
    QUERY_ADVISOR {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            return rig.queryAdvisor(pool, Settings.empty());
        }
    },

    /**
     * As {@link #QUERY_ADVISOR}, but its events go to a consumer that discards them: the application
     * thread's own cost, when every hand-off succeeds and no advisor work competes for the CPU.
     */
    QUERY_ADVISOR_DISCARDING {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            return rig.queryAdvisorDiscarding(pool, Settings.empty());
        }
    },

    /** As {@link #QUERY_ADVISOR_DISCARDING}, but no execution walks the stack: the walks' share, by difference. */
    QUERY_ADVISOR_DISCARDING_NO_CALL_SITES {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            // Only the very first execution of the one SQL text walks (seen % every == 0 at seen 0).
            Settings noWalks = settings(Map.of("callSite.firstN", "0", "callSite.every", "1000000"));
            return rig.queryAdvisorDiscarding(pool, noWalks);
        }
    },

    /** As {@link #QUERY_ADVISOR}, but every execution walks the stack for its call site: why walks are sampled. */
    QUERY_ADVISOR_CALL_SITE_EVERY_EXECUTION {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            // every=1 samples every execution whatever firstN is (firstN is capped at 1,000,000).
            return rig.queryAdvisor(pool, settings(Map.of("callSite.every", "1")));
        }
    },

    /** datasource-proxy 1.11's ProxyDataSource (JDK proxies) with a listener that does nothing. */
    DATASOURCE_PROXY {
        @Override
        ConnectionSource over(HikariDataSource pool, Rig rig) {
            return ProxyDataSourceBuilder.create("benchmark", pool)
                    .listener(new NoOpQueryExecutionListener())
                    .build()::getConnection;
        }
    };

    /** The connection source of this variant over {@code pool}; what it starts, {@code rig} stops. */
    abstract ConnectionSource over(HikariDataSource pool, Rig rig);

    private static Settings settings(Map<String, String> values) {
        return Settings.fromStrings(values, "benchmark variant");
    }
}
