package io.queryadvisor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queryadvisor.advisor.pool.CallSiteUsage;
import io.queryadvisor.advisor.pool.CountSummary;
import io.queryadvisor.advisor.pool.DurationSummary;
import io.queryadvisor.advisor.pool.Holder;
import io.queryadvisor.advisor.pool.PoolSample;
import io.queryadvisor.advisor.pool.PoolSettings;
import io.queryadvisor.advisor.pool.PoolThresholds;
import io.queryadvisor.advisor.pool.PoolView;
import io.queryadvisor.advisor.pool.PoolsSnapshot;

/**
 * The Pools view as a real browser draws it, from a hand-made pool whose last 60 seconds saturate
 * it. Needs Chromium (see {@link HeadlessChromium}); without it every test here fails.
 */
class PoolsViewBrowserTest {

    private static final String HOLDER = "com.shop.ReportJob.run(ReportJob.java:42)";
    /** The "waiting" series' colour in pools.js: nothing else on the Pools view is drawn in it. */
    private static final int WAITING_RGB = 0xcf222e;

    @TempDir
    static Path workDir;

    private static HttpServer server;
    private static String url;
    private static Document page;

    @BeforeAll
    static void renderThePage() throws Exception {
        Map<String, Endpoint> endpoints = new HashMap<>(StaticResources.endpoints());
        endpoints.put("/api/pools", parameters -> Response.json(snapshot()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new Router(endpoints, new DnsRebindingGuard(true, "127.0.0.1")));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/#pools";
        page = Jsoup.parse(HeadlessChromium.dumpDom(url, 5_000, workDir));
    }

    private static PoolsSnapshot snapshot() {
        long start = 1_764_590_000_000L;
        List<PoolSample> series = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            int waiting = s < 30 ? 0 : 4;
            series.add(new PoolSample(start + s * 1_000L, 10, s < 30 ? 3 : 10, s < 30 ? 7 : 0, waiting, s < 30 ? 2 : 9,
                    s < 30 ? 0.2 : 180 + s, 40 + s, 25, 0));
        }
        DurationSummary acquire = new DurationSummary(1_500, 90_000, 60, 1.1, 230, 260, 300);
        DurationSummary hold = new DurationSummary(1_500, 60_000, 40, 30, 95, 120, 2_400);
        PoolView pool = new PoolView("HikariPool-1", true, new PoolSettings(10, 10, 30_000, 1_800_000, 600_000, 0),
                series.get(series.size() - 1), series, acquire, hold, new CountSummary(1_500, 7.5, 8, 10, 10), 4,
                start + 30_000, 30, 60, 10, 0.3, 0, 0, 0, 4_000, 0,
                List.of(new CallSiteUsage(HOLDER, 200, 240, 2_100, 2_400, 40_000, 0)), List.of(),
                List.of(new Holder(HOLDER, "worker-3", "GET /report", 2_400, 3, 12, false, start + 50_000)),
                new CountSummary(300, 1.5, 1, 3, 4));
        return new PoolsSnapshot(start + 60_000, List.of(pool), new PoolThresholds(100, 1_000, 30_000));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void showsThePoolsViewWithOneCardPerPool() {
        assertThat(page.select("#pools").hasAttr("hidden")).isFalse();
        assertThat(page.select("article.pool").eachAttr("data-pool")).containsExactly("HikariPool-1");
    }

    @Test
    void drawsConnectionsAcquireAndHoldChartsOverEverySecondOfTheSeries() {
        List<Element> charts = page.select("article.pool .chart");

        assertThat(charts).extracting(c -> c.selectFirst("h4").text())
                .containsExactly("Connections", "Acquire p95 (ms)", "Hold p95 (ms)");
        assertThat(charts).allSatisfy(chart -> {
            assertThat(chart.select("canvas")).isNotEmpty();
            assertThat(chart.attr("data-points")).isEqualTo("60");
            // the first series' own colour, not only axes: its line was drawn
            assertThat(Integer.parseInt(chart.attr("data-series-ink"))).isGreaterThan(100);
        });
    }

    @Test
    void aThresholdFarAboveTheDataIsLeftAboveTheChartAndSaysSo() {
        Element hold = page.select("article.pool .chart").get(2);

        // holds of 40 to 99 ms: the 1 s long-held line is within reach, the 30 s leak line is not
        assertThat(hold.select(".u-legend .u-label").eachText())
                .contains("long-held threshold", "leak threshold (above the chart)");
    }

    @Test
    void namesTheLongestHolderWithItsCallSite() {
        assertThat(page.select("table.holders td").eachText()).contains(HOLDER, "worker-3", "GET /report");
    }

    @Test
    void showsThePoolSettings() {
        assertThat(page.select("article.pool > p.muted").text()).contains("maximumPoolSize 10", "connectionTimeout 30,000 ms");
    }

    @Test
    void aScreenshotShowsTheWaitingThreadsDrawn() throws Exception {
        Path png = HeadlessChromium.screenshot(url, 5_000, workDir, 1_400, 1_000);
        BufferedImage image = ImageIO.read(png.toFile());

        int waitingPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y) & 0xffffff, WAITING_RGB)) {
                    waitingPixels++;
                }
            }
        }
        assertThat(waitingPixels).isGreaterThan(50);
    }

    private static boolean close(int rgb, int target) {
        int distance = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            distance += Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff));
        }
        return distance < 60;
    }
}
