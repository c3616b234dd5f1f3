package org.pressure.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Scenarios;

/**
 * The what-if page in a real browser (headless Chromium through chromedriver): a slider moved
 * with the keyboard and by dragging changes the indicators and the charts, and they match
 * {@code pressure run --set} for the same values; served and published alike. Skipped, saying
 * so, where Chromium or chromedriver is not installed.
 */
class WhatIfBrowserTest {
    @TempDir
    static Path dir;
    static Path file;
    static ChromeDriver browser;
    static WhatIfServer server;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        String chrome = find("PRESSURE_CHROME", "chromium", "chromium-browser", "google-chrome");
        String driver = find("PRESSURE_CHROMEDRIVER", "chromedriver");
        if (chrome == null || driver == null) {
            missing = "no headless Chromium and chromedriver on this machine (Debian: apt-get install chromium "
                    + "chromium-driver): the browser test of the what-if page is skipped";
            System.err.println("WhatIfBrowserTest: " + missing);
            return;
        }
        file = WhatIfFixture.write(dir);
        server = WhatIfServer.start(WhatIf.load(file, List.of(), false), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** Why the browser cannot be driven here, or null. */
    static String missing;

    @BeforeEach
    void needsBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** An executable named by the environment variable, or found on the PATH. */
    private static String find(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && Files.isExecutable(Path.of(given))) return given;
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dirName, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        return null;
    }

    @Test
    void the_served_page_redraws_as_a_slider_moves_and_matches_pressure_run_with_set() throws IOException {
        load(server.url());
        String reservesBefore = path("#chart-reserves path[data-series='Reserves']");
        // keyboard: three steps right on the prevention floor, 25% -> 40%
        WebElement floor = slider("services.prevention.floor");
        floor.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        settle();
        assertEquals("40%", output("services.prevention.floor"));
        assertEquals("40% of planned spend", floor.getAttribute("aria-valuetext"));
        assertIndicators(WhatIfFixture.runWithSet(file, "services.prevention.floor=40%"));
        assertNotEquals(reservesBefore, path("#chart-reserves path[data-series='Reserves']"), "the reserves line moved");
        // the figures under the charts: the last year's reserves, as the run has them
        List<WebElement> last = browser.findElements(By.cssSelector("#figures tbody tr:last-child > *"));
        assertEquals("2045/46", last.get(0).getAttribute("textContent"));
        assertEquals(String.format(Locale.UK, "%,.1f", WhatIfFixture.runWithSet(file, "services.prevention.floor=40%")
                .finalReserves()), last.get(last.size() - 1).getAttribute("textContent"));

        // dragging: the growth of people aged 65+, 2.4% -> 3.4%
        drag("drivers.pop_65_plus.growth", "3.4%");
        settle();
        Indicators expected = WhatIfFixture.runWithSet(file, "services.prevention.floor=40%", "drivers.pop_65_plus.growth=3.4%");
        assertIndicators(expected);
        Indicators baseline = WhatIfFixture.runWithSet(file);
        assertNotEquals(baseline.crossoverYear(), expected.crossoverYear(), "the test moves the crossover");
        String changes = browser.findElement(By.id("changes")).getText();
        assertTrue(changes.contains("Statutory costs overtake income moves from " + Scenario.financialYear(baseline.crossoverYear())
                + " to " + Scenario.financialYear(expected.crossoverYear())), changes);
        // the scenario as written stays drawn faintly behind
        assertEquals(1, browser.findElements(By.cssSelector("#chart-reserves path[data-series='Scenario as written']")).size());

        // a bad value (a page someone tampered with) is a message on the page, and the page goes on
        ((JavascriptExecutor) browser).executeScript(
                "window.pressureLevers().find(l => l.path === 'services.prevention.floor').values[0] = 'lots';");
        drag("services.prevention.floor", "lots");
        settle();
        assertEquals("services.prevention.floor: `lots` is not a number; write a plain number such as 2.5 or -1e3, or a "
                + "percentage such as 4.99%", browser.findElement(By.id("problem")).getText());
        assertIndicators(expected);

        // save: the variant file arrives in the downloads folder, and runs as the page showed
        drag("services.prevention.floor", "40%");
        settle();
        browser.findElement(By.id("save")).click();
        Path saved = downloads.resolve("example-variant.yaml");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Files.exists(saved));
        Files.copy(saved, dir.resolve("example-variant.yaml"));
        assertEquals(expected, Scenarios.compile(dir.resolve("example-variant.yaml"), List.of()).run().indicators());

        // reset: the scenario as written again
        browser.findElement(By.id("reset")).click();
        settle();
        assertIndicators(baseline);
        assertEquals("The scenario as written.", browser.findElement(By.id("changes")).getText());

        // a file with no agencies, savings, outturn or exceptional support has no tiles for them;
        // section 114 is explained where it is met
        for (String unused : List.of("total_overspend", "undelivered_savings", "efs_total", "public_cost_total")) {
            assertEquals(0, browser.findElements(By.id("indicator-" + unused)).size(), unused);
        }
        assertEquals(1, browser.findElements(By.id("indicator-failure_demand_cost")).size());
        assertTrue(browser.findElement(By.cssSelector("#indicator-failure_year .note")).getText()
                .startsWith("A section 114 notice is the report a council\u2019s chief finance officer must make"));

        report("served", timings(20, "services.other.cost.growth", false));
        screenshot("serve-desktop");
    }

    @Test
    void the_published_page_opened_from_a_file_works_with_no_server() throws IOException {
        WhatIf w = WhatIf.load(file, List.of("services.prevention.floor=0%..100%:25%", "drivers.pop_65_plus.growth=1.4%..3.4%:1%"), true);
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), Page.publish(w, Publication.table(w)));
        load(site.resolve("index.html").toUri().toString());
        assertEquals(0, browser.findElements(By.id("save")).size(), "no server: nothing to save to");
        String doomBefore = path("#chart-doom path[data-series='Prevention (funded)']");
        WebElement floor = slider("services.prevention.floor");
        floor.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT); // 25% -> 75%
        settle();
        assertEquals("75%", output("services.prevention.floor"));
        assertIndicators(WhatIfFixture.runWithSet(file, "services.prevention.floor=75%"));
        assertNotEquals(doomBefore, path("#chart-doom path[data-series='Prevention (funded)']"));
        drag("drivers.pop_65_plus.growth", "1.4%");
        settle();
        assertIndicators(WhatIfFixture.runWithSet(file, "services.prevention.floor=75%", "drivers.pop_65_plus.growth=1.4%"));
        report("published", timings(10, "services.prevention.floor", true));
    }

    @Test
    void the_flagship_scenario_redraws_and_matches_too() throws IOException {
        Path barnet = Path.of("..", "scenarios", "barnet-graph-of-doom.yaml");
        Assumptions.assumeTrue(Files.exists(barnet), "run from the cli module of the repository");
        try (WhatIfServer flagship = WhatIfServer.start(WhatIf.load(barnet, List.of(), false), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()))) {
            shown = barnet;
            load(flagship.url());
            assertEquals(1, browser.findElements(By.id("indicator-public_cost_total")).size(), "Barnet lists agencies");
            assertEquals(0, browser.findElements(By.id("indicator-total_overspend")).size(), "but has no overspends");
            // the labels of year lines sit in the band above the plot, over no line of the chart, and the
            // units sit clear above the top tick
            JavascriptExecutor js = (JavascriptExecutor) browser;
            Number plotTop = (Number) js.executeScript("var s = document.querySelector('#chart-doom svg'); var ys = "
                    + "[].map.call(s.querySelectorAll('path[data-series]'), function (p) { return p.getBBox().y; }); "
                    + "return Math.min.apply(null, ys);");
            @SuppressWarnings("unchecked")
            List<Number> labelBottoms = (List<Number>) js.executeScript("return [].map.call(document.querySelectorAll("
                    + "'#chart-doom text[data-label]'), function (t) { var b = t.getBBox(); return b.y + b.height; });");
            assertEquals(2, labelBottoms.size(), "failure and crossover years are marked");
            for (Number bottom : labelBottoms) assertTrue(bottom.doubleValue() <= plotTop.doubleValue(), bottom + " vs " + plotTop);
            Number unitsBottom = (Number) js.executeScript("var t = [].filter.call(document.querySelectorAll('#chart-doom "
                    + "text'), function (t) { return t.textContent === '£m'; })[0].getBBox(); return t.y + t.height;");
            Number topTick = (Number) js.executeScript("var t = [].filter.call(document.querySelectorAll('#chart-doom "
                    + "text[text-anchor=end]'), function (t) { return /^[\\d,]+$/.test(t.textContent); }); return Math.min.apply("
                    + "null, t.map(function (x) { return x.getBBox().y; }));");
            assertTrue(unitsBottom.doubleValue() <= topTick.doubleValue(), unitsBottom + " vs " + topTick);
            // Barnet's reserves fall below zero: what is drawn beyond them is shown as a deficit
            assertTrue(browser.findElement(By.cssSelector("#chart-gap .legend")).getText()
                    .contains("Unfunded: reserves below zero (a deficit)"));
            assertTrue(browser.findElements(By.cssSelector("#chart-gap rect[data-series='Beyond reserves']")).size() > 0);
            screenshot("serve-flagship");
            List<Double> ms = timings(20, "services.other_services.floor", false);
            report("served flagship (" + barnet.getFileName() + ")", ms);
            assertEquals(20, ms.size());
            // 0% and 20 steps of 5 points up: 100%
            assertIndicators(Scenarios.compile(barnet, List.of("services.other_services.floor=100%")).run().indicators());
            drag("drivers.pop_65_plus.growth", "3%");
            settle();
            var run = Scenarios.compile(barnet, List.of("services.other_services.floor=100%", "drivers.pop_65_plus.growth=3%")).run();
            assertIndicators(run.indicators());
            // the cost to each body over the projection, in words under the cost-by-agency chart
            double nhs = java.util.Arrays.stream(run.column("agency.nhs.cost")).sum();
            String agencies = browser.findElement(By.id("chart-agencies-desc")).getText();
            assertTrue(agencies.contains("NHS " + String.format(Locale.UK, "£%,.1fm", nhs)), agencies);
        } finally {
            shown = null;
        }
    }

    private static void load(String url) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(window.pressure && window.pressure.ready)")));
    }

    private static WebElement slider(String path) {
        return browser.findElement(By.cssSelector("input[data-path='" + path + "']"));
    }

    private static String output(String path) {
        String id = slider(path).getAttribute("id").replace("lever-", "out-");
        return browser.findElement(By.id(id)).getText();
    }

    private static String path(String css) {
        return browser.findElement(By.cssSelector(css)).getAttribute("d");
    }

    /** Moves a slider to the position with this value, as a mouse drag ends: value set, then one input event. */
    private static void drag(String path, String value) {
        ((JavascriptExecutor) browser).executeScript("var s = document.querySelector(\"input[data-path='\" + arguments[0] + \"']\");"
                + "var i = window.pressureLevers().find(l => l.path === arguments[0]).values.indexOf(arguments[1]);"
                + "if (i < 0) throw new Error('no position ' + arguments[1]);"
                + "s.value = String(i); s.dispatchEvent(new Event('input', {bubbles: true}));", path, value);
    }

    /** Waits until the page has painted the answer to the last change. */
    private static void settle() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return window.pressure.drawn === window.pressure.changes")));
    }

    /** The scenario the page under test shows: its unused features have no tile. */
    static Path shown;

    private static void assertIndicators(Indicators expected) {
        Map<String, Object> want = new java.util.LinkedHashMap<>(expected.asMap());
        var sc = Scenarios.load(shown == null ? file : shown, List.of());
        for (org.pressure.engine.council.Indicator i : org.pressure.engine.council.Indicator.values()) {
            if (!WhatIf.uses(sc, i)) want.remove(i.key);
        }
        List<WebElement> values = browser.findElements(By.cssSelector("#indicators .value"));
        assertEquals(want.size(), values.size());
        for (WebElement v : values) {
            String name = v.getAttribute("data-indicator");
            Object w = want.get(name);
            String shown = v.getAttribute("data-value");
            if (w == null) {
                assertEquals("", shown, name);
                if (Indicators.YEAR_INDICATORS.contains(name)) assertEquals("never", v.getText(), name);
            } else if (w instanceof Integer year) {
                assertEquals(year.toString(), shown, name);
                assertEquals(Scenario.financialYear(year), v.getText(), name);
            } else {
                assertEquals((Double) w, Double.parseDouble(shown), 0.0, name);
            }
        }
    }

    /**
     * Moves a slider {@code n} times, waiting for each redraw; the times from move to painted
     * frame. From its lowest position upwards, so that every run is new to the server (which
     * keeps recent runs); back and forth where {@code alternate} (a published page keeps them all).
     */
    private static List<Double> timings(int n, String path, boolean alternate) {
        WebElement s = slider(path);
        if (!alternate) {
            s.sendKeys(Keys.HOME);
            settle();
        }
        settle();
        int before = ((Number) ((JavascriptExecutor) browser).executeScript("return window.pressure.timings.length")).intValue();
        for (int i = 0; i < n; i++) {
            s.sendKeys(alternate && i % 2 == 1 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
            settle();
        }
        List<Double> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Number> all = (List<Number>) ((JavascriptExecutor) browser).executeScript("return window.pressure.timings");
        for (Number x : all.subList(before, all.size())) out.add(x.doubleValue());
        return out;
    }

    private static void report(String page, List<Double> ms) {
        System.out.printf(Locale.ROOT, "WhatIfBrowserTest: %s page, %d slider moves, move to painted frame: %s; "
                + "of which server round trip: %s, drawing: %s%n", page, ms.size(), summary(ms),
                summary(last("serverMs", ms.size())), summary(last("drawMs", ms.size())));
    }

    /** The last {@code n} values of a list the page keeps in {@code window.pressure}. */
    private static List<Double> last(String name, int n) {
        @SuppressWarnings("unchecked")
        List<Number> all = (List<Number>) ((JavascriptExecutor) browser).executeScript("return window.pressure." + name);
        List<Double> out = new ArrayList<>();
        for (Number x : all.subList(Math.max(0, all.size() - n), all.size())) out.add(x.doubleValue());
        return out;
    }

    private static String summary(List<Double> ms) {
        if (ms.isEmpty()) return "none";
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        return String.format(Locale.ROOT, "median %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
