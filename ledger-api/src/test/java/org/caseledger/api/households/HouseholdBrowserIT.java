package org.caseledger.api.households;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.caseledger.api.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The household's page in a real browser (the system's Chromium, headless): a household of two children with one
 * protected parent, read by each role, shows each of them exactly what the API does — no more in the page's source —
 * in Swedish, and in English on request; the case page leads to it; axe-core finds no violation on any of them.
 */
class HouseholdBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static HouseholdFamily family;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Chromium from the system's packages (.ci/run installs it)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("ledger-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void aFamily() {
        if (family == null) {
            family = HouseholdFamily.make(http);
        }
    }

    @Test
    void givenTheProtectedParentWhenEachRoleOpensTheHouseholdsPageThenItShowsWhatTheApiShowsThemAndNothingMore() throws IOException {
        String page = "/ui/households/" + family.household();

        open("lars", page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hushåll");
        assertThat(membersShown()).containsExactlyInAnyOrder(family.alva(), family.bo(), family.parent());
        assertThat(formerShown()).containsExactly(family.otherAdult());
        assertThat(row(family.parent()).getText()).contains(HouseholdFamily.PARENT_NAME).contains("(skyddade personuppgifter)")
                .contains("19880409-").contains("förälder").contains("registrerad som medlem");
        assertThat(casesShown()).containsExactly(family.alvasCaseNumber(), family.bosCaseNumber());
        assertThat(text("household-timeline")).contains(HouseholdFamily.PARENT_NAME + " blev medlem i hushållet (förälder)")
                .contains("Samtal med hushållet utan biståndsbeslut").contains("Samtycke till att lämna uppgifter till Vivallaskolan");
        screenshot("household-unit-head");
        assertAccessible("the household as the unit head sees it");

        open("anna", page);
        assertThat(membersShown()).containsExactlyInAnyOrder(family.alva(), family.bo(), family.parent());
        assertThat(casesShown()).containsExactly(family.alvasCaseNumber());
        assertThat(browser.getPageSource()).doesNotContain(family.bosCaseNumber()).doesNotContain(family.bosCase());

        open("omar", page);
        assertThat(membersShown()).containsExactlyInAnyOrder(family.bo(), family.parent());
        assertThat(casesShown()).containsExactly(family.bosCaseNumber());
        assertThat(browser.getPageSource()).doesNotContain("Alva").doesNotContain(family.alva()).doesNotContain(family.alvasCaseNumber());
        screenshot("household-bos-case-worker");
        assertAccessible("the household as Bo's case worker sees it");

        open("karin", page);
        assertThat(membersShown()).isEmpty();
        assertThat(browser.findElement(By.id("members-none")).getText()).isEqualTo("Inga som du får se.");
        assertThat(browser.findElement(By.id("cases-none")).getText()).isEqualTo("Inga som du får se.");
        assertThat(browser.findElements(By.cssSelector("#household-timeline tbody tr"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(HouseholdFamily.PARENT_NAME).doesNotContain("19880409").doesNotContain(family.parent())
                .doesNotContain("skyddade personuppgifter").doesNotContain(HouseholdFamily.OTHER_ADULT_NAME);
        screenshot("household-group-leader");
        assertAccessible("the household as the unassigned group leader sees it");

        open("sara", page);
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Ingen behörighet");
        assertThat(browser.getPageSource()).doesNotContain(HouseholdFamily.PARENT_NAME).doesNotContain("members");
        assertAccessible("the household refused to another unit");

        open("eva", page);
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Ingen behörighet");
    }

    @Test
    void givenTheAuditorWhenTheHouseholdIsAskedForInEnglishThenEveryWordIsEnglishAndAllOfItIsShown() throws IOException {
        open("ivo", "/ui/households/" + family.household() + "?lang=en");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Household");
        assertThat(membersShown()).hasSize(3);
        assertThat(row(family.parent()).getText()).contains("(protected identity)").contains("parent");
        assertThat(text("household-timeline")).contains(HouseholdFamily.OTHER_ADULT_NAME + " left the household")
                .contains("Conversation with the household without an aid decision");
        assertThat(browser.findElement(By.id("main")).getText()).as("no Swedish word on the English page")
                .doesNotContainPattern("[åäöÅÄÖ]");
        screenshot("household-auditor-english");
        assertAccessible("the household in English");
        browser.get(url("/ui/cases?lang=sv"));
    }

    @Test
    void givenTheCasePageWhenItsHouseholdLinkIsFollowedThenTheHouseholdsPageOpens() {
        open("anna", "/ui/cases/" + family.alvasCase());

        browser.findElement(By.id("household-link")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/ui/households/" + family.household()));
        assertThat(casesShown()).containsExactly(family.alvasCaseNumber());
    }

    /** Signs the user in afresh and opens the page. */
    private void open(String user, String path) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("ledger-demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/ui"));
        browser.get(url(path));
    }

    private static List<String> membersShown() {
        return browser.findElements(By.cssSelector("#current-members tr.member")).stream().map(row -> row.getDomAttribute("data-person")).toList();
    }

    private static List<String> formerShown() {
        return browser.findElements(By.cssSelector("#former-members tr.member")).stream().map(row -> row.getDomAttribute("data-person")).toList();
    }

    private static WebElement row(String person) {
        return browser.findElement(By.cssSelector("tr.member[data-person='" + person + "']"));
    }

    private static List<String> casesShown() {
        return browser.findElements(By.cssSelector("a.household-case")).stream().map(WebElement::getText).toList();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port() + path;
    }

    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getViolations()).as(page + " (" + browser.getCurrentUrl() + "): " + results.getViolations().stream()
                .map(rule -> rule.getId() + " " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()) + " " + node.getHtml()).toList())
                .toList()).isEmpty();
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
