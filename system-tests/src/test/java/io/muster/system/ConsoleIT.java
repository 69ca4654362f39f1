package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.testsupport.TestBrowser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console in a real browser (headless Chromium), signed in through Keycloak's own login page, over the whole
 * local run: what a security team member and a viewer see and do without a terminal. Each main page's screenshot,
 * at 1280 px and at phone width, is kept in {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final String CONSOLE = "http://localhost:8085";
    static final String KEYCLOAK = "http://localhost:18080";
    static final Path SHOTS = Path.of("target/console-screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Map<String, Integer> SIDEWAYS = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final List<String> MAIN_PAGES = List.of("/incidents", "/directory", "/on-call", "/plans", "/integrations",
            "/game-days", "/readiness", "/plan-document");

    @org.junit.jupiter.api.AfterAll
    static void reportSideways() {
        Summary.record("console at 390 px", SIDEWAYS.isEmpty() ? "no page scrolls sideways"
                : "pages that scroll sideways (px): " + SIDEWAYS);
    }

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
        assertThat(TestBrowser.available()).as("chromium and chromedriver are installed (.ci/run installs them)").isTrue();
    }

    static ChromeDriver browser() {
        return TestBrowser.driver(1280, 900);
    }

    /** Signs {@code user} in through Keycloak's login form, starting from a console page; ends on that page. */
    static ChromeDriver signIn(String user) throws Exception {
        ChromeDriver d = browser();
        forgetSessions(d);
        d.get(CONSOLE + "/incidents");
        waitFor(d, "Keycloak's login page", () -> d.getCurrentUrl().startsWith(KEYCLOAK)
                && !d.findElements(By.id("username")).isEmpty());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(Files.readString(Suite.stateFile("keys/password-" + user)).strip());
        d.findElement(By.id("kc-login")).click();
        waitFor(d, "back on the console after signing in as " + user, () -> d.getCurrentUrl().startsWith(CONSOLE)
                && !d.findElements(By.cssSelector("header .who")).isEmpty());
        return d;
    }

    /** Drops the console's and Keycloak's cookies, so the next visit signs in afresh. */
    static void forgetSessions(ChromeDriver d) {
        // Every cookie of the browser, Keycloak's SSO cookies (path /realms/muster/) included.
        d.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Polls {@code condition} (a missing element counts as not yet) until it holds or {@link #WAIT} passes. */
    static void waitFor(ChromeDriver d, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plus(WAIT);
        RuntimeException last = null;
        while (java.time.Instant.now().isBefore(until)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + " on " + d.getCurrentUrl()
                + (last == null ? "" : " (" + last.getMessage().lines().findFirst().orElse("") + ")"));
    }

    /** Chooses the option of a select element by its value, as a person clicking it would. */
    static void choose(WebElement select, String value) {
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    static void shoot(ChromeDriver d, String name) throws Exception {
        Files.createDirectories(SHOTS);
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        Files.write(SHOTS.resolve(name + "-1280.png"), d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Files.write(SHOTS.resolve(name + "-390.png"), d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // How far the page scrolls sideways at phone width (0 is the goal), reported in the summary.
        Object overflow = d.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        int px = ((Number) overflow).intValue();
        if (px > 0) {
            SIDEWAYS.put(name, px);
        }
        d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    static String text(ChromeDriver d, String dataTest) {
        return d.findElement(By.cssSelector("[data-test='" + dataTest + "']")).getText();
    }

    @Test
    @Order(1)
    void anAdminSignsInThroughKeycloaksLoginPageAndEveryMainPageRenders() throws Exception {
        ChromeDriver d = signIn("admin");
        assertThat(d.findElement(By.cssSelector("header .who")).getText()).contains("admin");
        for (String page : MAIN_PAGES) {
            d.get(CONSOLE + page);
            assertThat(d.getCurrentUrl()).as(page).startsWith(CONSOLE + page);
            assertThat(d.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            assertThat(d.findElements(By.cssSelector("main .problem"))).as("%s shows a problem: %s", page,
                    d.findElements(By.cssSelector("main .problem")).stream().map(WebElement::getText).toList())
                    .isEmpty();
            shoot(d, "admin" + page.replace('/', '-'));
        }
        d.get(CONSOLE + "/audit");
        assertThat(d.findElement(By.tagName("h1")).getText()).containsIgnoringCase("audit");
        shoot(d, "admin-audit");
        Summary.record("console pages", MAIN_PAGES.size() + 1 + " pages rendered for the admin, screenshots at 1280"
                + " and 390 px in system-tests/" + SHOTS);
    }

    @Test
    @Order(2)
    void anIncidentRaisedFromTheFormPagesAndIsAcknowledgedFromItsPage() throws Exception {
        ChromeDriver d = signIn("admin");
        String title = "Console raise " + Long.toHexString(System.nanoTime());
        d.get(CONSOLE + "/incidents/new");
        d.findElement(By.cssSelector("[data-test='raise-title']")).sendKeys(title);
        d.findElement(By.cssSelector("[data-test='raise-summary']")).sendKeys("Raised from the console by the IT");
        choose(d.findElement(By.cssSelector("[data-test='raise-severity']")), "CRITICAL");
        WebElement type = d.findElement(By.cssSelector("[data-test='raise-type']"));
        if ("select".equals(type.getTagName())) {
            choose(type, "credential-compromise");
        } else {
            type.sendKeys("credential-compromise");
        }
        d.findElement(By.cssSelector("[data-test='raise-submit']")).click();
        waitFor(d, "the new incident's page", () -> d.getCurrentUrl().matches(
                java.util.regex.Pattern.quote(CONSOLE) + "/incidents/[0-9a-f-]{36}(\\?.*)?"));
        String id = URI.create(d.getCurrentUrl()).getPath().substring("/incidents/".length());
        assertThat(text(d, "incident-title")).contains(title);

        // The page refreshes its live region by itself: the first stage's pages appear without a reload.
        waitFor(d, "the first stage paged, shown on the incident's timeline",
                () -> text(d, "timeline").contains("stage 1 (pass 1) paged"));
        Muster.await("the page's email reached the stand-in", WAIT, () -> !Suite.MAIL.withSubject(title).isEmpty());
        shoot(d, "admin-incident");

        d.findElement(By.cssSelector("[data-test='ack-button']")).click();
        waitFor(d, "the incident shown acknowledged", () -> text(d, "incident-status").equals("ACKNOWLEDGED"));
        JsonNode incident = Muster.incident(id);
        assertThat(incident.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(incident.path("title").asText()).isEqualTo(title);
        d.findElement(By.cssSelector("[data-test='resolve-button']")).click();
        d.switchTo().alert().accept(); // "Resolve this incident? Paging stops."
        waitFor(d, "the incident shown resolved", () -> text(d, "incident-status").equals("RESOLVED"));
        Summary.record("console raise", "raised CRITICAL from the form, paged (" + Suite.MAIL.withSubject(title).size()
                + " emails), acknowledged and resolved from its page");
    }

    @Test
    @Order(3)
    void changingAPlanChangesWhoThePreviewWouldPage() throws Exception {
        String type = "st-console-" + Long.toHexString(System.nanoTime());
        Muster.planFor(type, "LOW", "[{\"roles\":[\"incident-commander\"],\"timeoutSeconds\":600}]");
        String planId = null;
        for (JsonNode plan : Muster.ok("GET", Suite.url("escalation-service", "/api/v1/response-plans"),
                Suite.token("muster-admin"), null)) {
            if (plan.path("incidentType").asText().equals(type)) {
                planId = plan.path("id").asText();
            }
        }
        assertThat(planId).as("the plan made for " + type).isNotNull();
        ChromeDriver d = signIn("admin");
        d.get(CONSOLE + "/plans?plan=" + planId);
        String before = text(d, "plan-preview");
        assertThat(before).contains("incident-commander").doesNotContain("security-analyst");
        shoot(d, "admin-plan");

        WebElement roles = d.findElement(By.cssSelector("#stages-form input[name='stageRoles']"));
        roles.clear();
        roles.sendKeys("security-analyst");
        d.findElement(By.id("stages-save")).click();
        waitFor(d, "the preview after the change", () -> text(d, "plan-preview").contains("security-analyst"));
        String after = text(d, "plan-preview");
        assertThat(after).doesNotContain("incident-commander");
        assertThat(d.findElements(By.cssSelector("main .problem"))).isEmpty();
        Summary.record("console plan preview", "stage 1 changed from incident-commander to security-analyst in "
                + "the editor; the preview followed");
    }

    @Test
    @Order(4)
    void aGameDayIsScheduledFromTheForm() throws Exception {
        ChromeDriver d = signIn("admin");
        d.get(CONSOLE + "/game-days");
        List<WebElement> scenarios = d.findElements(By.cssSelector("#game-day-scenario option"));
        assertThat(scenarios).as("the seeded scenarios").hasSizeGreaterThan(1);
        scenarios.get(1).click();
        String title = "Console game day " + Long.toHexString(System.nanoTime());
        WebElement titleField = d.findElement(By.cssSelector("#game-day-form input[name='title']"));
        titleField.clear();
        titleField.sendKeys(title);
        // Two weeks ahead, so it never runs during the suite; a datetime-local field takes its value as text here.
        String startsAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(14)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        d.executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("game-day-starts")), startsAt);
        choose(d.findElement(By.id("game-day-mode")), "SILENT");
        d.findElement(By.id("game-day-submit")).click();
        waitFor(d, "the game day listed", () -> d.findElement(By.id("game-days")).getText().contains(title));
        assertThat(d.findElements(By.cssSelector("main .problem"))).isEmpty();
        JsonNode scheduled = null;
        for (JsonNode g : Muster.ok("GET", Suite.url("gameday-service", "/api/v1/gamedays"),
                Suite.token("muster-admin"), null)) {
            if (g.path("title").asText().equals(title)) {
                scheduled = g;
            }
        }
        assertThat(scheduled).as("the game day in gameday-service").isNotNull();
        assertThat(scheduled.path("mode").asText()).isEqualTo("SILENT");
        shoot(d, "admin-game-days-scheduled");
        Summary.record("console game day", "scheduled SILENT from the form for " + startsAt + " UTC");
    }

    @Test
    @Order(5)
    void anAdminSendsATestPageAndWatchesItGoOut() throws Exception {
        ChromeDriver d = signIn("admin");
        d.get(CONSOLE + "/directory");
        WebElement button = d.findElements(By.cssSelector("[data-test^='test-page-'][data-channel-type='EMAIL']"))
                .get(0);
        String address = button.getAttribute("data-address");
        long before = Suite.MAIL.inbox(address).stream().filter(m -> m.subject().contains("Muster test page"))
                .count();
        button.click();
        // The status region asks notification-service again by itself until the page is out.
        waitFor(d, "the test page shown sent", () -> "SENT".equals(d.findElement(
                By.cssSelector("[data-test='channel-test-status']")).getAttribute("data-status")));
        Muster.await("the test page reached " + address, WAIT, () -> Suite.MAIL.inbox(address).stream()
                .filter(m -> m.subject().contains("Muster test page")).count() > before);
        assertThat(d.findElements(By.cssSelector("[data-test='channel-test'][data-refresh]")))
                .as("the region stops asking once the page is sent").isEmpty();
        shoot(d, "admin-test-page");
        Summary.record("console test page", "sent from the directory page to " + address.replaceAll("^[^@]+", "…")
                + ", shown SENT, arrived");
    }

    @Test
    @Order(10)
    void aViewerSeesMaskedContactsAndNoWriteControls() throws Exception {
        Map<String, Muster.Person> people = Muster.people();
        List<String> phones = people.values().stream().map(Muster.Person::phone).filter(p -> p != null)
                .collect(Collectors.toList());
        assertThat(phones).isNotEmpty();
        ChromeDriver d = signIn("viewer");
        assertThat(d.findElement(By.cssSelector("header .who")).getText()).contains("viewer");
        for (String page : MAIN_PAGES) {
            d.get(CONSOLE + page);
            assertThat(d.findElements(By.cssSelector("main form[method='post']"))).as("write forms on %s", page)
                    .isEmpty();
            shoot(d, "viewer" + page.replace('/', '-'));
        }
        d.get(CONSOLE + "/directory");
        String html = d.getPageSource();
        for (String phone : phones) {
            assertThat(html).as("the viewer's directory page").doesNotContain(phone);
        }
        assertThat(html).containsPattern("\\+44\\*{4,}\\d\\d").containsPattern("[a-z]\\*{3}@demo\\.muster\\.example");
        d.get(CONSOLE + "/audit");
        assertThat(d.findElements(By.cssSelector("main table"))).as("audit entries for a viewer").isEmpty();
        assertThat(d.findElements(By.cssSelector("nav a[href='/audit']"))).isEmpty();
    }

    @Test
    @Order(11)
    void aFormPostedFromAnotherSiteOrWithoutItsTokenIsRefused() throws Exception {
        ChromeDriver d = signIn("admin");
        d.get(CONSOLE + "/incidents/new");
        String cookies = d.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Cookie csrf = d.manage().getCookieNamed("muster-csrf");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Strict");
        String form = "title=forged&severity=LOW&incidentType=credential-compromise&csrf=" + csrf.getValue();
        assertThat(post(cookies, "https://evil.example", form).statusCode()).as("another site's form").isEqualTo(403);
        assertThat(post(cookies, CONSOLE, "title=forged&severity=LOW&incidentType=credential-compromise")
                .statusCode()).as("no token").isEqualTo(403);
        assertThat(post(cookies, CONSOLE, form.replace(csrf.getValue(), "x".repeat(43))).statusCode())
                .as("a token that is not this browser's").isEqualTo(403);
        assertThat(Muster.ok("GET", Suite.url("escalation-service", "/api/v1/incidents?limit=500"),
                Suite.token("muster-viewer"), null).toString()).doesNotContain("forged");
    }

    private static HttpResponse<String> post(String cookies, String origin, String form) throws Exception {
        return Suite.HTTP.client().send(HttpRequest.newBuilder(URI.create(CONSOLE + "/incidents"))
                .header("Cookie", cookies).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
