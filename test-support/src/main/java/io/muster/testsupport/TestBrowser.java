package io.muster.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * One headless Chromium per test JVM, driven through chromedriver (Selenium), for tests that check rendered pages:
 * started on first use, quit by a shutdown hook. The browser and driver are the machine's (Debian's {@code chromium}
 * and {@code chromium-driver}); {@code MUSTER_CHROMIUM} and {@code MUSTER_CHROMEDRIVER} point elsewhere. Nothing is
 * downloaded: the paths are given, so Selenium's driver manager never runs.
 *
 * <p>Calls are serialised on the one browser: a test takes it with {@link #driver()} inside {@code synchronized
 * (TestBrowser.class)} when tests may run in parallel.
 */
public final class TestBrowser {

    /** A4 at CSS pixels (96 per inch): 210 mm x 297 mm. */
    public static final int A4_WIDTH_PX = 794;
    public static final int A4_HEIGHT_PX = 1123;

    private static ChromeDriver driver;

    private TestBrowser() {
    }

    /** The shared browser, its window A4-wide. */
    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestBrowser::quit, "test-browser-quit"));
        }
        driver.manage().window().setSize(new Dimension(A4_WIDTH_PX, A4_HEIGHT_PX));
        return driver;
    }

    /** The shared browser with its window {@code width} x {@code height} CSS pixels (a phone is 390 wide). */
    public static synchronized ChromeDriver driver(int width, int height) {
        ChromeDriver d = driver();
        d.manage().window().setSize(new Dimension(width, height));
        return d;
    }

    /** Whether a browser and its driver are installed here (tests can say so clearly rather than fail obscurely). */
    public static boolean available() {
        return new File(chromium()).canExecute() && new File(chromedriver()).canExecute();
    }

    /** Opens a local file (an HTML page a test fetched over HTTP and saved). */
    public static ChromeDriver open(Path file) {
        ChromeDriver d = driver();
        d.get(file.toAbsolutePath().toUri().toString());
        return d;
    }

    /** A PNG of the viewport, written to {@code target}. */
    public static Path screenshot(Path target) throws java.io.IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, driver().getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /** The current page printed to PDF on A4 (the page's own print stylesheet applies), written to {@code target}. */
    public static byte[] printToPdf(Path target) throws java.io.IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver()).print(options).getContent());
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, pdf);
        return pdf;
    }

    /** Pages in a PDF that Chromium printed: each page object is one {@code /Type /Page} entry. */
    public static int pageCount(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int count = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + A4_WIDTH_PX + "," + A4_HEIGHT_PX);
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to run as root inside its sandbox.
            options.addArguments("--no-sandbox");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }

    private static synchronized void quit() {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // The JVM is exiting; a browser that already went away needs no quitting.
            }
            driver = null;
        }
    }

    private static String chromium() {
        return env("MUSTER_CHROMIUM", "/usr/bin/chromium");
    }

    private static String chromedriver() {
        return env("MUSTER_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
