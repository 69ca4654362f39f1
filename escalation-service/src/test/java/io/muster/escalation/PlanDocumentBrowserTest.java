package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.muster.escalation.service.PlanDocumentAssembler;
import io.muster.platform.security.Roles;
import io.muster.testsupport.TestBrowser;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The plan document as a person sees it: fetched over HTTP for an admin and a viewer, opened in a real headless
 * Chromium at A4 width, printed to PDF. Screenshots and PDFs are left in {@code target/plan-document/}.
 */
@QuarkusTest
class PlanDocumentBrowserTest {

    private static final Path OUT = Path.of("target", "plan-document");

    private static Path fetch(String role, String name) throws Exception {
        String html = given().header("Authorization", Tokens.bearer(role)).queryParam("format", "html")
                .when().get("/api/v1/plan-document").then().statusCode(200).contentType("text/html")
                .extract().asString();
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theDocumentReadsWellInABrowserAndPrintsOnA4() throws Exception {
        assertThat(TestBrowser.available()).as("chromium and chromedriver are installed (Debian packages chromium, "
                + "chromium-driver)").isTrue();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String role = "br-" + id;
        String email = "rowan-" + id + "@example.org";
        UUID rowan = ReplicaFixtures.person("Rowan Browser " + id, "+447700900123", email, role);
        ReplicaFixtures.namedRoster(role, "Incident scribe <script>document.title='owned'</script>", rowan);
        EscalationApi.planWithPolicy("HIGH", 0, "[{\"roles\":[\"" + role + "\"]}]",
                "\"requiredRoles\":[\"" + role + "\"]");
        // A long unbroken value must wrap, not push the page wider than A4.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"Bridge " + id + "\",\"kind\":\"PHONE_BRIDGE\",\"howToJoin\":\"https://bridge.example.org/"
                        + "x".repeat(300) + "\",\"ownerRole\":\"" + role + "\"}")
                .when().post("/api/v1/plan-document/backup-channels").then().statusCode(201);

        synchronized (TestBrowser.class) {
            for (String who : List.of("admin", "viewer")) {
                ChromeDriver browser = TestBrowser.open(fetch(who.equals("admin") ? Roles.ADMIN : Roles.VIEWER, who));
                // Escaped markup stays text: no script ran and the name shows as written.
                assertThat(browser.getTitle()).isEqualTo(PlanDocumentAssembler.TITLE);
                String text = browser.findElement(By.tagName("body")).getText();
                assertThat(text).contains("Incident scribe <script>document.title='owned'</script>");

                List<WebElement> links = browser.findElements(By.cssSelector("nav.toc a"));
                assertThat(links).hasSize(PlanDocumentAssembler.SECTION_IDS.size());
                for (int i = 0; i < links.size(); i++) {
                    WebElement link = links.get(i);
                    String target = link.getAttribute("href").replaceFirst("^.*#", "");
                    assertThat(target).isEqualTo(PlanDocumentAssembler.SECTION_IDS.get(i));
                    WebElement heading = browser.findElement(By.cssSelector("section#" + target + " > h2"));
                    assertThat(heading.isDisplayed()).isTrue();
                    assertThat(heading.getText()).isEqualTo((i + 1) + ". " + link.getText());
                }
                // Following the last link brings its heading into view.
                links.get(links.size() - 1).click();
                Number top = (Number) browser.executeScript(
                        "return document.querySelector('#open-gaps > h2').getBoundingClientRect().top;");
                assertThat(top.doubleValue()).isBetween(-1.0, (double) TestBrowser.A4_HEIGHT_PX);

                Number overflow = (Number) browser.executeScript("return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("horizontal overflow at A4 width (px)").isLessThanOrEqualTo(0);

                if (who.equals("viewer")) {
                    assertThat(text).contains("Rowan Browser " + id).contains("SMS +44********23")
                            .contains("EMAIL r***@example.org").doesNotContain(email).doesNotContain("+447700900123")
                            .doesNotContain("x".repeat(300));
                } else {
                    assertThat(text).contains(email).contains("SMS +447700900123");
                }
                browser.executeScript("window.scrollTo(0, 0);");
                TestBrowser.screenshot(OUT.resolve(who + ".png"));
                assertThat(Files.size(OUT.resolve(who + ".png"))).isGreaterThan(10_000);

                byte[] pdf = TestBrowser.printToPdf(OUT.resolve(who + ".pdf"));
                assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                int pages = TestBrowser.pageCount(pdf);
                // The header and contents, then each major section from a new page; a sane document, not hundreds.
                assertThat(pages).as("pages printed").isBetween(PlanDocumentAssembler.SECTION_IDS.size() + 1, 60);
            }
        }
    }
}
