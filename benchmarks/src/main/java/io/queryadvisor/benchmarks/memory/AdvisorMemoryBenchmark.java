package io.queryadvisor.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import io.queryadvisor.advisor.Advisor;
import io.queryadvisor.advisor.AdvisorConfig;
import io.queryadvisor.advisor.capture.CallSite;
import io.queryadvisor.advisor.capture.CaptureEvent;
import io.queryadvisor.advisor.capture.ConnectionReleased;
import io.queryadvisor.advisor.capture.StatementExecuted;
import io.queryadvisor.advisor.capture.StatementKind;
import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.dashboard.DashboardConfig;
import io.queryadvisor.dashboard.DashboardServer;

/**
 * What the advisor keeps on the heap, with default settings, whatever the workload: three hostile
 * workloads, each fed to a fresh advisor (with its dashboard), then the heap retained after a full
 * GC against the heap before the advisor started, and the time each dashboard endpoint takes to
 * answer. Run by hand, never by the tests:
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar io.queryadvisor.benchmarks.memory.AdvisorMemoryBenchmark [scale]</pre>
 *
 * {@code scale} (default 1.0) shrinks the workloads for a quick look; the README's figures are at 1.
 */
public final class AdvisorMemoryBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final List<String> ENDPOINTS = List.of("/api/queries", "/api/recommendations", "/api/rules",
            "/api/report?format=json", "/api/report?format=md", "/api/report?format=html");
    private static final CallSite[] SITES = {
        new CallSite("com.shop.OrderDao", "find", "OrderDao.java", 42),
        new CallSite("com.shop.LineDao", "lines", "LineDao.java", 17),
        new CallSite("com.shop.Report", "run", "Report.java", 99),
    };

    private AdvisorMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        System.out.printf(Locale.ROOT, "JVM %s, max heap %d MiB, scale %.2f%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, scale);
        run("1 M distinct literal texts", (int) (1_000_000 * scale), i -> "SELECT id, total FROM orders WHERE id = " + i
                + " AND status = 'S" + (i % 7) + "'");
        String wide = "x".repeat(100_000);
        run("3,000 distinct 100 KB SELECTs", (int) (3_000 * scale), i -> "SELECT c" + i + " FROM t WHERE note = '"
                + wide + "' AND k = ?");
        String[] shapes = new String[50];
        for (int s = 0; s < shapes.length; s++) {
            shapes[s] = "SELECT id, a, b FROM table_" + s + " WHERE parent_id = ?";
        }
        run("10 M statements of 50 queries", (int) (10_000_000 * scale), i -> shapes[i % shapes.length]);
    }

    private static void run(String name, int statements, IntFunction<String> sql) throws Exception {
        long before = usedAfterGc();
        Advisor advisor = Advisor.start(AdvisorConfig.defaults());
        DashboardServer dashboard = DashboardServer.start(DashboardConfig.from(Settings.fromStrings(
                Map.of("dashboard.port", "0"), "benchmark")), advisor);
        long start = System.nanoTime();
        long connection = 1;
        for (int i = 0; i < statements; i++) {
            long now = System.nanoTime();
            offer(advisor, new StatementExecuted(sql.apply(i), StatementKind.QUERY, 1, 1, i * 31L, now, 50_000, 3,
                    null, connection, 0, 1, "worker-1", SITES[i % SITES.length], 0, List.of(), null, "pool", null));
            if (i % 10 == 9) {
                offer(advisor, new ConnectionReleased(connection, now, 600_000, 10, 500_000));
                connection++;
            }
        }
        boolean idle = advisor.awaitIdle(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        long retained = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "%n%s: %,d statements in %.1f s (%,.0f/s)%s%n", name, statements, seconds,
                statements / seconds, idle ? "" : " (NOT drained)");
        System.out.printf(Locale.ROOT, "  retained heap: %.1f MiB; fingerprints %d, cache misses %,d%n",
                retained / 1048576.0, advisor.health().fingerprintsTracked(), advisor.health().fingerprintCacheMisses());
        HttpClient http = HttpClient.newHttpClient();
        for (String endpoint : ENDPOINTS) {
            long t = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(dashboard.url()
                    .replaceAll("/$", "") + endpoint)).build(), HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(Locale.ROOT, "  GET %-26s %d, %,9d bytes, %6.1f ms%n", endpoint, response.statusCode(),
                    response.body().length, (System.nanoTime() - t) / 1e6);
        }
        dashboard.close();
        advisor.close();
    }

    /** The benchmark stands for the application: it waits for room rather than drop, so that all is analysed. */
    private static void offer(Advisor advisor, CaptureEvent event) {
        while (!advisor.buffer().offer(event)) {
            Thread.onSpinWait();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
