package io.queryadvisor.samples.shop;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.queryadvisor.samples.shop.ShopOptions.InvalidOptionException;
import io.queryadvisor.samples.shop.db.DataGenerator;
import io.queryadvisor.samples.shop.db.DataSet;
import io.queryadvisor.samples.shop.db.DatabaseServer;
import io.queryadvisor.samples.shop.db.ShopPool;
import io.queryadvisor.samples.shop.db.ShopSchema;
import io.queryadvisor.samples.shop.storefront.Storefront;
import io.queryadvisor.samples.shop.traffic.ProgressPrinter;
import io.queryadvisor.samples.shop.traffic.StopSignal;
import io.queryadvisor.samples.shop.traffic.TrafficLoop;
import io.queryadvisor.samples.shop.traffic.TrafficMix;
import io.queryadvisor.samples.shop.traffic.TrafficProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small online shop on plain JDBC and HikariCP, with database problems planted on purpose (see
 * the {@code // PLANTED:} comments and samples/README.md). It knows nothing of Query Advisor: the
 * agent is attached with {@code -javaagent} and has to find the problems by itself.
 *
 * <p>Start-up: start or reach PostgreSQL, recreate the shop's schema with generated data, run the
 * traffic until its limit or Ctrl+C, linger, then close the pool and stop the embedded database.
 * Exit status: 0 when every iteration succeeded, 1 when one failed or the shop could not start,
 * 2 for a bad command line.
 */
public final class ShopApplication {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    // How long Ctrl+C waits for the traffic to finish its iterations and the database to stop.
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private final ShopOptions options;
    private final StopSignal stop;
    private final PrintStream out;
    private final PrintStream err;

    public ShopApplication(ShopOptions options, StopSignal stop, PrintStream out, PrintStream err) {
        this.options = options;
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        ShopOptions options;
        try {
            options = ShopOptions.parse(args);
        } catch (InvalidOptionException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ShopOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ShopOptions.USAGE);
            return;
        }
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        // The JVM exits once its shutdown hooks return: this one holds it until run() has stopped
        // the traffic, closed the pool and stopped the database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.raise();
            try {
                finished.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shop-shutdown"));
        int status;
        try {
            status = new ShopApplication(options, stop, System.out, System.err).run();
        } finally {
            finished.countDown();
        }
        System.exit(status);
    }

    /** Runs the shop to the end; returns the exit status. */
    public int run() {
        try (DatabaseServer server = startDatabase();
             HikariDataSource pool = ShopPool.open(server, options.schema(), options.threads())) {
            DataSet data = DataSet.ofScale(options.scale());
            Duration generation = new DataGenerator(new ShopSchema(options.schema()), data).generate(pool);
            out.printf("[shop] schema %s: %d customers, %d products, %d orders, %d order lines generated in %d ms%n",
                    options.schema(), data.customers(), data.products(), data.orders(), data.orderLines(), generation.toMillis());

            TrafficLoop loop = new TrafficLoop(new TrafficMix(new Storefront(pool), data, options.seed()),
                    options.threads(), options.limit(), stop, err);
            out.printf("[shop] traffic %s on %d threads, seed %d%n", options.limit().describe(), options.threads(), options.seed());
            TrafficProgress result;
            try (ProgressPrinter ignored = ProgressPrinter.every(PROGRESS_EVERY, loop::progress, out)) {
                result = loop.run();
            }
            out.println("[shop] done: " + result.summary());
            linger();
            return result.errors() == 0 ? 0 : 1;
        } catch (PoolInitializationException e) {
            err.println("[shop] cannot connect to " + options.jdbcUrl() + ": " + rootMessage(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("[shop] failed: " + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            out.println("[shop] stopped");
        }
    }

    private DatabaseServer startDatabase() throws IOException {
        if (!options.usesEmbeddedDatabase()) {
            out.println("[shop] using " + options.jdbcUrl());
            return DatabaseServer.external(options.jdbcUrl(), options.user(), options.password());
        }
        out.println("[shop] starting an embedded PostgreSQL...");
        DatabaseServer server = DatabaseServer.startEmbedded();
        out.println("[shop] embedded PostgreSQL at " + server.jdbcUrl());
        return server;
    }

    private void linger() throws InterruptedException {
        if (!options.linger().isZero() && !stop.isRaised()) {
            out.println("[shop] lingering " + options.linger().toMillis() / 1000.0 + " s (Ctrl+C to stop now)");
            stop.await(options.linger());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
