package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.db.DatabaseServer;
import io.queryadvisor.samples.springshop.traffic.ProgressPrinter;
import io.queryadvisor.samples.springshop.traffic.ShopClient;
import io.queryadvisor.samples.springshop.traffic.ShopVisit;
import io.queryadvisor.samples.springshop.traffic.StopSignal;
import io.queryadvisor.samples.springshop.traffic.TrafficLoop;
import io.queryadvisor.samples.springshop.traffic.TrafficProgress;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shop from start to exit: start (or reach) PostgreSQL, start the Spring context on it (which
 * recreates the schema and its data), run the traffic against the context's own HTTP port until its
 * limit or Ctrl+C, linger, then close the context and stop the embedded database.
 */
public final class ShopLauncher {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    // A request holds at most one connection at a time (its transactions follow one another), so one
    // per traffic thread suffices; two more serve calls from outside (curl, a browser) meanwhile.
    private static final int SPARE_CONNECTIONS = 2;

    private final ShopOptions options;
    private final StopSignal stop;
    private final PrintStream out;
    private final PrintStream err;

    public ShopLauncher(ShopOptions options, StopSignal stop, PrintStream out, PrintStream err) {
        this.options = options;
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    /** Runs the shop to the end; returns the exit status. */
    public int run() {
        try (DatabaseServer server = startDatabase()) {
            ConfigurableApplicationContext context;
            try {
                context = startContext(server);
            } catch (RuntimeException e) {
                err.printf("[spring-shop] cannot start (database %s, HTTP port %d): %s%n", server.jdbcUrl(), options.port(), rootMessage(e));
                return 1;
            }
            try (context) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                out.printf("[spring-shop] listening on http://localhost:%d/ (schema %s)%n", port, options.schema());
                TrafficProgress result = runTraffic(new ShopClient(URI.create("http://localhost:" + port + "/")));
                out.println("[spring-shop] done: " + result.summary());
                linger();
                return result.errors() == 0 ? 0 : 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("[spring-shop] failed: " + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            out.println("[spring-shop] stopped");
        }
    }

    private DatabaseServer startDatabase() throws IOException {
        if (!options.usesEmbeddedDatabase()) {
            out.println("[spring-shop] using " + options.jdbcUrl());
            return DatabaseServer.external(options.jdbcUrl(), options.user(), options.password());
        }
        out.println("[spring-shop] starting an embedded PostgreSQL...");
        DatabaseServer server = DatabaseServer.startEmbedded();
        out.println("[spring-shop] embedded PostgreSQL at " + server.jdbcUrl());
        return server;
    }

    private ConfigurableApplicationContext startContext(DatabaseServer server) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl());
        if (server.user() != null) {
            properties.put("spring.datasource.username", server.user());
        }
        if (server.password() != null) {
            properties.put("spring.datasource.password", server.password());
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", options.threads() + SPARE_CONNECTIONS);
        properties.put("shop.schema", options.schema());
        properties.put("server.port", options.port());
        SpringApplication application = new SpringApplication(SpringShopApplication.class);
        // Ctrl+C is handled by SpringShopApplication's hook, which stops the traffic before this
        // launcher closes the context; Spring's own hook would close it under running requests.
        application.setRegisterShutdownHook(false);
        // First among the property sources: the command line wins over application.properties.
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("spring-shop-options", properties)));
        return application.run();
    }

    private TrafficProgress runTraffic(ShopClient client) throws InterruptedException {
        TrafficLoop loop = new TrafficLoop(new ShopVisit(client, options.seed()), options.threads(), options.limit(), stop, err);
        out.printf("[spring-shop] traffic %s on %d threads, %d calls per iteration, seed %d%n",
                options.limit().describe(), options.threads(), ShopVisit.CALLS, options.seed());
        try (ProgressPrinter ignored = ProgressPrinter.every(PROGRESS_EVERY, loop::progress, out)) {
            return loop.run();
        }
    }

    private void linger() throws InterruptedException {
        if (!options.linger().isZero() && !stop.isRaised()) {
            out.println("[spring-shop] lingering " + options.linger().toMillis() / 1000.0 + " s (Ctrl+C to stop now)");
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
