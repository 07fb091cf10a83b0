package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.ShopOptions.InvalidOptionException;
import io.queryadvisor.samples.springshop.traffic.StopSignal;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot + JPA shop with database problems planted on purpose, each beside a correct twin
 * endpoint (see the {@code // PLANTED:} comments and samples/spring-shop/README.md). It knows nothing
 * of Query Advisor: the agent is attached with {@code -javaagent} and has to find the problems.
 *
 * <p>{@code main} parses the command line and hands over to {@link ShopLauncher}. Exit status: 0 when
 * every traffic iteration succeeded, 1 when one failed or the shop could not start, 2 for a bad
 * command line.
 */
@SpringBootApplication
public class SpringShopApplication {

    // How long Ctrl+C waits for the traffic to finish its iterations and the database to stop.
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

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
        // The JVM exits once its shutdown hooks return: this one holds it until the launcher has
        // stopped the traffic, closed the Spring context and stopped the database. Spring's own
        // hook is off (ShopLauncher), so the context is not closed under the traffic's feet.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.raise();
            try {
                finished.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spring-shop-shutdown"));
        int status;
        try {
            status = new ShopLauncher(options, stop, System.out, System.err).run();
        } finally {
            finished.countDown();
        }
        System.exit(status);
    }
}
