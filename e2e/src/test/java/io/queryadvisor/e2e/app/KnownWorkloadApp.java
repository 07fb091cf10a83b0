package io.queryadvisor.e2e.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The application the end-to-end tests attach the agent to, run in a child JVM:
 * {@code KnownWorkloadApp <jdbcUrl> <user> <password>}.
 *
 * <p>It checks its own libraries, runs the {@link KnownWorkload} on a HikariCP pool (partly through
 * its own datasource-proxy), prints {@value #DONE}, and then stays alive, so the test can read the
 * dashboard, until its standard input is closed or {@value #MAX_LIFETIME_SECONDS} s pass. It then
 * returns from {@code main} normally: a non-daemon thread of the agent would keep the JVM alive
 * and show up as a test failure. Any failure exits with status 1.
 */
public final class KnownWorkloadApp {

    static final String DONE = "WORKLOAD DONE";
    static final long MAX_LIFETIME_SECONDS = 120;

    private KnownWorkloadApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KnownWorkloadApp <jdbcUrl> <user> <password>");
            System.exit(2);
        }
        System.out.println("JAVA FEATURE VERSION " + Runtime.version().feature());
        try {
            OwnLibraries.exercise();
            runWorkload(args[0], args[1], args[2]);
        } catch (Exception | LinkageError e) {
            System.out.println("WORKLOAD FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(DONE);
        awaitStdinClosed();
    }

    private static void runWorkload(String jdbcUrl, String user, String password) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setPoolName("known-workload");
        AtomicInteger seenByOwnProxy = new AtomicInteger();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ProxyDataSource ownProxy = ProxyDataSourceBuilder.create("own-proxy", pool)
                    .listener(countingListener(seenByOwnProxy))
                    .build();
            new KnownWorkload(pool, ownProxy).run();
        }
        if (seenByOwnProxy.get() != 4) {
            throw new IllegalStateException("the application's own datasource-proxy saw " + seenByOwnProxy.get()
                    + " executions, expected 4");
        }
    }

    private static QueryExecutionListener countingListener(AtomicInteger executions) {
        return new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {
            }

            @Override
            public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
                executions.incrementAndGet();
            }
        };
    }

    private static void awaitStdinClosed() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // Anything written is ignored; only the end of the stream matters.
                }
            } catch (IOException e) {
                // A broken stdin means the parent is gone: finish as if it had been closed.
            }
            closed.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        closed.await(MAX_LIFETIME_SECONDS, TimeUnit.SECONDS);
    }
}
