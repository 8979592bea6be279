package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in a real browser: the system's Chromium, headless, driven through its ChromeDriver, on the demo
 * history. A unit head signs in and sees the charts drawn, follows a compliance miss to its case, steps through a
 * case's replay and sees its state change, finds a case by number and pages through the case list; a case worker of
 * another unit is refused; the auditor sees every unit and chooses one. Screenshots of every step
 * are kept under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.demo-data.events=3000")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static String vivallaCase;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Chromium from the system's packages (.ci/run installs it)").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver from the system's packages (.ci/run installs it)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("ledger-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theUnitHeadSignsInAndSeesTheMetricsDrawnAsChartsAgainstTheBaseline() throws IOException {
        signIn("lars");

        assertThat(browser.getCurrentUrl()).endsWith("/ui/dashboard");
        List<WebElement> charts = browser.findElements(By.cssSelector("canvas.metric-chart"));
        assertThat(charts).hasSizeGreaterThan(10);
        waitUntil(driver -> charts.stream().allMatch(chart -> "true".equals(chart.getDomAttribute("data-drawn"))
                || "true".equals(chart.getDomProperty("dataset.drawn")) || "true".equals(chart.getAttribute("data-drawn"))));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Översikt för vivalla");
        assertThat(browser.findElements(By.cssSelector("#caseload tbody tr"))).isNotEmpty();
        screenshot("1-dashboard");
    }

    @Test
    @Order(2)
    void aComplianceMissLeadsToItsCase() throws IOException {
        List<WebElement> misses = browser.findElements(By.cssSelector("a.miss"));
        assertThat(misses).as("the demo history has misses behind some rule").isNotEmpty();
        String caseNumber = misses.get(0).getText();

        misses.get(0).click();

        waitUntil(ExpectedConditions.urlContains("/ui/cases/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärende " + caseNumber);
        screenshot("2-compliance-miss-case");
    }

    @Test
    @Order(3)
    void stepingThroughTheReplayShowsTheCaseAsItStoodAfterEachEvent() throws IOException {
        browser.get(url("/ui/cases"));
        browser.findElements(By.cssSelector("a.case-link")).get(0).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("replay-first")));
        vivallaCase = browser.getCurrentUrl().replaceAll(".*/ui/cases/([^/?]+).*", "$1");
        long events = Long.parseLong(browser.findElement(By.id("case-events")).getText());
        assertThat(events).isGreaterThan(2);
        screenshot("3-case-latest");

        browser.findElement(By.id("replay-first")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("case-events"), "1"));
        assertThat(browser.findElement(By.id("replay-position")).getText()).isEqualTo("Efter händelse 0 av " + (events - 1));
        screenshot("3b-case-first-event");

        browser.findElement(By.id("replay-next")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("case-events"), "2"));
        assertThat(browser.getCurrentUrl()).as("the step is in the address, for the back button").endsWith("step=1");
        screenshot("3c-case-second-event");

        browser.findElement(By.id("replay-last")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("case-events"), Long.toString(events)));
        assertThat(browser.findElement(By.id("integrity-status")).getText()).startsWith("Intakt");
    }

    @Test
    @Order(4)
    void givenAnOpenCaseWhenTheUnitHeadSearchesItsNumberInTheFormThenTheListShowsOnlyThatCase() throws IOException {
        browser.get(url("/ui/cases?sort=caseNumber"));
        String number = browser.findElements(By.cssSelector("a.case-link")).get(0).getText();

        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("find")).click();

        waitUntil(ExpectedConditions.urlContains("number=" + number));
        assertThat(browser.findElements(By.cssSelector("a.case-link"))).extracting(WebElement::getText).containsExactly(number);
        assertThat(browser.findElement(By.cssSelector("#cases tbody td:nth-child(2)")).getText()).isEqualTo("Öppet");
        screenshot("4-case-list-number");
    }

    @Test
    @Order(5)
    void givenMoreCasesThanAPageWhenTheUnitHeadGoesToTheNextPageThenNoCaseComesTwiceAndFirstPageLeadsBack() throws IOException {
        browser.get(url("/ui/cases"));
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Alla");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("status=ALL"));
        List<String> first = caseNumbersShown();
        assertThat(first).hasSize(50);

        browser.findElement(By.id("next-page")).click();

        waitUntil(ExpectedConditions.urlContains("cursor="));
        List<String> second = caseNumbersShown();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        assertThat(browser.findElement(By.cssSelector("#cases caption")).getText()).startsWith("Sida 2");
        screenshot("5-case-list-second-page");
        browser.findElement(By.id("first-page")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("cursor=")));
        assertThat(caseNumbersShown()).isEqualTo(first);
    }

    @Test
    @Order(6)
    void theSkipLinkComesFirstForKeyboardUse() {
        browser.get(url("/ui/cases"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Hoppa till innehållet");
    }

    @Test
    @Order(7)
    void aCaseWorkerOfAnotherUnitIsRefusedTheCase() throws IOException {
        browser.findElement(By.cssSelector("form.inline button")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
        signIn("sara");

        browser.get(url("/ui/cases/" + vivallaCase));

        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Ingen behörighet");
        assertThat(browser.getPageSource()).doesNotContain("case-facts");
        screenshot("6-refused");
    }

    @Test
    @Order(8)
    void theAuditorSeesAllUnitsWithAHintAndChoosesAUnit() throws IOException {
        browser.findElement(By.cssSelector("form.inline button")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
        signIn("ivo");

        browser.get(url("/ui/cases"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i alla enheter");
        assertThat(browser.findElement(By.id("cases-hint")).getText()).contains("Välj en enhet eller sök på ärendenummer");
        Select unit = new Select(browser.findElement(By.id("unit")));
        assertThat(unit.getFirstSelectedOption().getText()).isEqualTo("Alla enheter");
        assertThat(unit.getOptions()).extracting(WebElement::getText).contains("vivalla");
        screenshot("8-auditor-all-units");
        unit.selectByVisibleText("vivalla");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("unit=vivalla"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i vivalla");
        assertThat(browser.findElements(By.id("cases-hint"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.case-link"))).isNotEmpty();
    }

    private static List<String> caseNumbersShown() {
        return browser.findElements(By.cssSelector("a.case-link")).stream().map(WebElement::getText).toList();
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("ledger-demo");
        browser.findElement(By.id("sign-in")).click();
        waitUntil(ExpectedConditions.urlContains("/ui/"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static <T> void waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
