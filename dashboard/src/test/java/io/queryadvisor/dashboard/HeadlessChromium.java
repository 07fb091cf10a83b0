package io.queryadvisor.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in Debian's headless Chromium and returns the DOM after its scripts ran.
 * Chromium is found on the PATH, or at {@code $CHROMIUM}; without it this fails, it never skips.
 */
final class HeadlessChromium {

    private static final int TIMEOUT_SECONDS = 90;

    private HeadlessChromium() {
    }

    /** The serialised DOM of {@code url} once the page has loaded and its timers ran for {@code budgetMillis}. */
    static String dumpDom(String url, int budgetMillis, Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("profile"));
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(List.of(executable().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
                // Virtual time lets the page's fetches finish before the DOM is dumped.
                "--virtual-time-budget=" + budgetMillis, "--dump-dom", url))
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; its log:\n"
                    + Files.readString(log));
        }
        String html = Files.readString(dom);
        if (chromium.exitValue() != 0 || html.isBlank()) {
            throw new AssertionError("Chromium failed (exit " + chromium.exitValue() + "); its log:\n" + Files.readString(log));
        }
        return html;
    }

    /**
     * A PNG screenshot of {@code url}, {@code width} x {@code height}, once the page has loaded and its
     * timers ran for {@code budgetMillis}.
     */
    static Path screenshot(String url, int budgetMillis, Path workDir, int width, int height)
            throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("profile-screenshot"));
        Path png = workDir.resolve("screenshot.png");
        Path log = workDir.resolve("chromium-screenshot.log");
        Process chromium = new ProcessBuilder(List.of(executable().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--virtual-time-budget=" + budgetMillis,
                "--screenshot=" + png, url))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; its log:\n"
                    + Files.readString(log));
        }
        if (chromium.exitValue() != 0 || !Files.exists(png)) {
            throw new AssertionError("Chromium took no screenshot (exit " + chromium.exitValue() + "); its log:\n"
                    + Files.readString(log));
        }
        return png;
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("CHROMIUM is set to " + configured + ", which is not an executable.");
            }
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("The dashboard's browser tests need Chromium, which is not on the PATH: "
                + "install it (Debian: apt-get install -y chromium) or set CHROMIUM to its executable.");
    }
}
