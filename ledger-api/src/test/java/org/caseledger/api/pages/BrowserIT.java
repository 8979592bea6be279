package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.EmbeddedDefault;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import tools.jackson.databind.JsonNode;

/**
 * The pages in a real browser: the system's Chromium, headless, driven through its ChromeDriver, on the demo
 * history. A unit head signs in and sees the charts drawn, follows a compliance miss to its case, steps through a
 * case's replay and sees its state change, finds a case by number and pages through the case list; a case worker of
 * another unit is refused; the auditor sees every unit and chooses one; the dashboard marks the month in progress
 * and draws shares in percent, in Swedish and in English, and each figure leads to its definition. axe-core checks
 * every page visited and any violation fails. Screenshots of every step are kept under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.demo-data.events=3000")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static WebDriver browser;
    private static String vivallaCase;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // Demo data is generated into the embedded default only.
        EmbeddedDefault.registerIn(registry, "browser");
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
        assertAccessible("dashboard");
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
        assertAccessible("case page");
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
        assertAccessible("case page replayed");

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
        assertAccessible("case list");
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
    void givenAChildsNameWhenTheUnitHeadSearchesItInTheFormThenTheChildsCaseIsListedAndNeitherNameNorNumberIsInTheAddress()
            throws IOException {
        JsonNode listed = api("lars").get("/api/v1/cases?status=OPEN&limit=1").json().get("cases").get(0);
        String name = childNameOf(listed.get("child").asString());
        String[] words = name.split(" ");

        browser.get(url("/ui/cases"));
        browser.findElement(By.id("who")).sendKeys(words[1].toLowerCase(Locale.ROOT) + " " + words[0]);
        browser.findElement(By.id("find-child")).click();

        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("back-to-list")));
        assertThat(caseNumbersShown()).contains(listed.get("caseNumber").asString());
        assertThat(browser.getCurrentUrl()).endsWith("/ui/cases/search").doesNotContain(words[0]);
        assertThat(browser.findElement(By.cssSelector("#cases caption")).getText()).startsWith("Ärenden för barn som matchar sökningen");
        screenshot("5b-case-list-child-name");
        assertAccessible("case list searched by name");

        browser.findElement(By.id("who")).clear();
        browser.findElement(By.id("who")).sendKeys(words[0].substring(0, words[0].length() - 1));
        browser.findElement(By.id("find-child")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("cases-none")));
        assertThat(caseNumbersShown()).as("a part of a word finds no one").isEmpty();
        String log = api("ivo").get("/api/v1/audit/access-log?limit=200").text();
        assertThat(log).contains("POST /ui/cases/search").doesNotContain(words[0]);
    }

    @Test
    @Order(7)
    void givenTheFiltersForDeadlinesAndProtectedIdentityWhenChosenThenThePageListsWhatTheApiListsForThem() {
        LedgerHttp api = new LedgerHttp("http://localhost:" + port);
        String late = Fixtures.openCaseOnSchoolReport(api, Fixtures.registerChild(api)).field("caseNumber");
        ReadModels.awaitCaughtUp(api, Duration.ofSeconds(60));

        browser.get(url("/ui/cases"));
        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("Med passerad tidsfrist");
        browser.findElement(By.id("number")).sendKeys(late);
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("overdue=true"));
        assertThat(caseNumbersShown()).as("a report left without its preliminary assessment for months").containsExactly(late);

        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("Utan passerad tidsfrist");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("overdue=false"));
        assertThat(caseNumbersShown()).isEmpty();

        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("Med passerad tidsfrist");
        new Select(browser.findElement(By.id("sort"))).selectByVisibleText("Efter ärendenummer");
        browser.findElement(By.id("number")).clear();
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("sort=caseNumber"));
        assertThat(caseNumbersShown()).isNotEmpty()
                .isEqualTo(numbersOf(api("lars").get("/api/v1/cases?status=OPEN&overdue=true&sort=caseNumber&limit=50").json()));

        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("Alla ärenden");
        new Select(browser.findElement(By.id("protectedIdentity"))).selectByVisibleText("Endast skyddade");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Alla");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("protectedIdentity=true"));
        assertThat(caseNumbersShown())
                .isEqualTo(numbersOf(api("lars").get("/api/v1/cases?protectedIdentity=true&sort=caseNumber&limit=50").json()));
        assertAccessible("case list filtered");
    }

    @Test
    @Order(8)
    void theSkipLinkComesFirstForKeyboardUse() {
        browser.get(url("/ui/cases"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Hoppa till innehållet");
    }

    @Test
    @Order(9)
    void aCaseWorkerOfAnotherUnitIsRefusedTheCase() throws IOException {
        browser.findElement(By.cssSelector("form.inline button")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
        signIn("sara");

        browser.get(url("/ui/cases/" + vivallaCase));

        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Ingen behörighet");
        assertThat(browser.getPageSource()).doesNotContain("case-facts");
        screenshot("6-refused");
        assertAccessible("refusal page");
    }

    @Test
    @Order(10)
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
        assertAccessible("case list of all units");
        unit.selectByVisibleText("vivalla");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("unit=vivalla"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i vivalla");
        assertThat(browser.findElements(By.id("cases-hint"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.case-link"))).isNotEmpty();

        browser.findElements(By.cssSelector("a.case-link")).get(0).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("download-pdf")));
        Map<String, Object> pdf = download(browser.findElement(By.id("download-pdf")).getDomProperty("href"));
        assertThat(pdf.get("type")).isEqualTo("application/pdf");
        assertThat((String) pdf.get("start")).as("the first bytes of what the browser received").startsWith("%PDF-");
        assertThat((String) pdf.get("disposition")).startsWith("attachment");
        Map<String, Object> json = download(browser.findElement(By.id("download-json")).getDomProperty("href"));
        assertThat((String) json.get("type")).startsWith("application/json");
        screenshot("8b-auditor-case-exports");
    }

    /**
     * What the browser receives when it follows a download link in the signed-in session: its type, disposition and first
     * bytes as text (a headless browser saves a download where no test can wait for it reliably).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> download(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async response => {
                    const bytes = new Uint8Array(await response.arrayBuffer());
                    done({status: response.status, type: response.headers.get('content-type'),
                          disposition: response.headers.get('content-disposition'),
                          start: String.fromCharCode(...bytes.slice(0, 8))});
                }).catch(error => done({error: String(error)}));""", href);
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void givenTheMonthInProgressWhenTheUnitHeadOpensTheDashboardThenItIsMarkedAndDrawnApartAndSharesArePercentOnAFullScale()
            throws IOException {
        browser.findElement(By.cssSelector("form.inline button")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
        signIn("lars");
        String month = YearMonth.now(STOCKHOLM).toString();
        chartsDrawn();

        assertThat(browser.findElement(By.cssSelector("li.partial-in_progress")).getText())
                .startsWith(month + " är en pågående period").contains("fristående punkt");
        Map<String, Object> reports = chart("REPORTS_OF_CONCERN");
        assertThat(reports.get("yMin")).as("a count axis starts at zero").isEqualTo(0L);
        List<Object> lastLabel = (List<Object>) ((List<Object>) reports.get("labels")).get(((List<?>) reports.get("labels")).size() - 1);
        assertThat(lastLabel).containsExactly(month, "pågående period");
        assertThat(last((List<Object>) reports.get("line"))).as("the month in progress is not on the line").isNull();
        assertThat(reports.get("partialLabel")).isEqualTo("Månad som bara räknats till en del");
        assertThat(last((List<Object>) reports.get("partial"))).as("it is drawn as a point of its own").isNotNull();
        for (String rate : List.of("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE", "MISSED_VISIT_RATE", "SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION",
                "COMPLIANCE_PROTECTION_ASSESSMENT_IN_TIME")) {
            Map<String, Object> share = chart(rate);
            assertThat(share.get("yMin")).as(rate).isEqualTo(0L);
            assertThat(share.get("yMax")).as(rate).isEqualTo(100L);
            assertThat((List<Object>) share.get("ticks")).as(rate).extracting(tick -> spaced(String.valueOf(tick)))
                    .contains("0 %", "100 %");
            assertThat(values(share)).as(rate + ": no share above 100 %").isNotEmpty()
                    .allMatch(value -> value == null || value >= 0 && value <= 100);
        }
        screenshot("9-dashboard-month-in-progress");

        browser.findElement(By.cssSelector("#figures")).findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('figures').scrollIntoView()");

        assertThat(browser.findElement(By.cssSelector("#figures thead th:nth-last-child(2)")).getText())
                .contains(month).contains("(pågående period)");
        for (WebElement row : browser.findElements(By.cssSelector("#figures tbody tr[id^='row-']"))) {
            String figure = row.getDomAttribute("id").substring("row-".length());
            List<Double> shown = row.findElements(By.tagName("td")).stream().map(td -> number(td.getText())).toList();
            assertThat(shown.subList(0, shown.size() - 1)).as("the table says what the chart of " + figure + " draws")
                    .isEqualTo(values(chart(figure)));
        }
        assertThat(spaced(browser.findElement(By.cssSelector("#row-VOLUNTARY_SUPPORT_ACCEPTANCE_RATE td")).getText())).matches("(\\d+(,\\d)? %|–)");
        assertThat(browser.findElements(By.cssSelector("#figures tbody tr.parts"))).as("a row of parts under each share and each median")
                .hasSize(15)
                .allSatisfy(parts -> assertThat(parts.findElements(By.tagName("td"))).allSatisfy(cell ->
                        assertThat(spaced(cell.getText())).matches("(\\d+ av \\d+(, \\d+ inom fristen)?|inga ärenden|1 ärende|\\d+ ärenden)?")));
        for (WebElement misses : browser.findElements(By.cssSelector("ul.misses"))) {
            List<String> cases = misses.findElements(By.cssSelector("a.miss")).stream().map(WebElement::getText).toList();
            assertThat(cases).as("one link per case").doesNotHaveDuplicates();
        }
        assertThat(browser.findElements(By.cssSelector(".miss-count"))).isNotEmpty()
                .allSatisfy(count -> assertThat(count.getText()).matches("\\(\\d+ avvikelser?\\)"));
        screenshot("9b-dashboard-table");
        assertAccessible("dashboard with its table open");
    }

    @Test
    @Order(12)
    void eachFigureLeadsToItsDefinitionAndTheProblemPagesPassTheAccessibilityCheck() throws IOException {
        browser.findElement(By.cssSelector("#chart-VOLUNTARY_SUPPORT_ACCEPTANCE_RATE figcaption a")).click();

        waitUntil(ExpectedConditions.urlContains("/ui/dashboard/definitions#VOLUNTARY_SUPPORT_ACCEPTANCE_RATE"));
        WebElement term = browser.findElement(By.id("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE"));
        assertThat(term.getText()).isEqualTo("Andel av de erbjudna hushållen som tackade ja");
        assertThat(term.findElement(By.xpath("following-sibling::dd[1]")).getText()).contains("aldrig bli över 100 procent");
        screenshot("10-definitions");
        assertAccessible("definitions");

        browser.get(url("/ui/dashboard?from=2026-06-01&to=2026-01-01"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isNotBlank();
        assertAccessible("page of a malformed request");
        browser.get(url("/ui/cases/" + UUID.randomUUID()));
        assertThat(browser.findElement(By.id("error-title")).getText()).isNotBlank();
        assertAccessible("page of an unknown case");
    }

    @Test
    @Order(13)
    @SuppressWarnings("unchecked")
    void inEnglishTheDashboardMarksThePeriodInProgressAndGivesSharesInPercent() throws IOException {
        browser.get(url("/ui/dashboard?lang=en"));
        String month = YearMonth.now(STOCKHOLM).toString();
        chartsDrawn();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard of vivalla");
        assertThat(browser.findElement(By.cssSelector("li.partial-in_progress")).getText()).startsWith(month + " is a period in progress");
        Map<String, Object> reports = chart("REPORTS_OF_CONCERN");
        List<?> labels = (List<?>) reports.get("labels");
        assertThat((List<Object>) labels.get(labels.size() - 1)).containsExactly(month, "period in progress");
        assertThat((List<Object>) chart("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE").get("ticks")).contains("0%", "100%");
        assertThat(browser.findElement(By.id("main")).getText()).as("no Swedish word on the English dashboard")
                .doesNotContainPattern("[åäöÅÄÖ]");
        screenshot("11-dashboard-english");
        assertAccessible("dashboard in English");
        browser.get(url("/ui/dashboard?lang=sv"));
    }

    private static void chartsDrawn() {
        List<WebElement> charts = browser.findElements(By.cssSelector("canvas.metric-chart"));
        waitUntil(driver -> charts.stream().allMatch(chart -> "true".equals(chart.getDomAttribute("data-drawn"))));
    }

    /** What Chart.js holds for a figure's chart: its labels, the line, the points apart, and its vertical scale. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(String figure) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                var chart = Chart.getChart(document.querySelector('#chart-' + arguments[0] + ' canvas'));
                var partial = chart.data.datasets.length > 1 && chart.data.datasets[1].showLine === false ? chart.data.datasets[1] : null;
                return {labels: chart.data.labels, line: chart.data.datasets[0].data, partial: partial ? partial.data : [],
                        partialLabel: partial ? partial.label : null, yMin: chart.scales.y.min, yMax: chart.scales.y.max,
                        ticks: chart.scales.y.ticks.map(function (tick) { return tick.label; })};
                """, figure);
    }

    /** The values a chart draws, month by month: on the line, or as a point apart. */
    @SuppressWarnings("unchecked")
    private static List<Double> values(Map<String, Object> chart) {
        List<Object> line = (List<Object>) chart.get("line");
        List<Object> partial = (List<Object>) chart.get("partial");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            Object value = line.get(i) != null ? line.get(i) : (partial.isEmpty() ? null : partial.get(i));
            values.add(value == null ? null : ((Number) value).doubleValue());
        }
        return values;
    }

    /** A number as the table writes it in Swedish ({@code 66,7 %}, {@code 1 234}), or null for a dash. */
    private static Double number(String text) {
        String digits = spaced(text).replace("%", "").replace(" ", "").replace(',', '.');
        return digits.equals("–") ? null : Double.valueOf(digits);
    }

    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    private static Object last(List<Object> values) {
        return values.get(values.size() - 1);
    }

    /** axe-core, in the browser, on the page as it stands: any violation of any of its rules fails the test. */
    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getViolations()).as(page + " (" + browser.getCurrentUrl() + "): " + results.getViolations().stream()
                .map(rule -> rule.getId() + " " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()) + " " + node.getHtml()).toList())
                .toList()).isEmpty();
    }

    private static List<String> caseNumbersShown() {
        return browser.findElements(By.cssSelector("a.case-link")).stream().map(WebElement::getText).toList();
    }

    private LedgerHttp api(String user) {
        return new LedgerHttp("http://localhost:" + port).as(user);
    }

    private String childNameOf(String child) {
        JsonNode history = api("lars").get("/api/v1/persons/" + child + "/history").json();
        return history.get(0).get("data").get("name").asString();
    }

    private static List<String> numbersOf(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.get("cases").forEach(listed -> numbers.add(listed.get("caseNumber").asString()));
        return numbers;
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        assertAccessible("sign-in");
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
