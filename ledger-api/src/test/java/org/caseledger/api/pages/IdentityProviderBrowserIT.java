package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.OpenIdProvider;
import org.caseledger.api.support.StaffEntries;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
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
 * The pages in the {@code oidc} mode in a real browser (the system's Chromium, headless): staff sign in at a real
 * OpenID provider started in the test, typing their name and the claims their account carries into its sign-in form,
 * and come back signed in to the ledger as the member of staff the access token names. A social secretary of vivalla
 * sees vivalla's cases and not another unit's case of a child with a protected identity, which is refused; sign-out
 * ends the session at the ledger and at the provider; the unit head lands on the dashboard; the auditor chooses among
 * the units; an account without a ledger role is refused in words. The pages are a public client here, as a
 * municipality may register them: PKCE alone proves the sign-in. The ledger is at 127.0.0.1 and the provider at
 * localhost, two sites, so the provider's redirect back is a cross-site navigation, as in production. axe-core checks
 * every page of the ledger visited; screenshots are kept under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.mode=oidc",
        "spring.security.oauth2.resourceserver.jwt.audiences=" + OpenIdProvider.AUDIENCE,
        "ledger.security.oidc.pages.client-id=" + OpenIdProvider.CLIENT_ID})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final OpenIdProvider PROVIDER = OpenIdProvider.interactive();

    private static final Map<String, Object> SECRETARY = OpenIdProvider.staff("anna.lind", "SOCIAL_SECRETARY", "vivalla");
    private static final Map<String, Object> UNIT_HEAD = OpenIdProvider.staff("lars.nilsson", "UNIT_HEAD", "vivalla");
    private static final Map<String, Object> AUDITOR = OpenIdProvider.staff("ivo.granskare", "AUDITOR", "supervision");
    private static final Map<String, Object> ELSEWHERE = OpenIdProvider.staff("sara.ek", "SOCIAL_SECRETARY", "central-reception");

    private static WebDriver browser;
    private static Opened vivallaCase;
    private static Opened protectedCaseElsewhere;

    @LocalServerPort
    private int port;

    private record Opened(String id, String number) {
    }

    @DynamicPropertySource
    static void ownDatabaseAndTheProvider(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
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
    static void stopBrowserAndProvider() {
        if (browser != null) {
            browser.quit();
        }
        PROVIDER.close();
    }

    @Test
    @Order(1)
    void givenCasesInTwoUnitsWhenASocialSecretaryOfVivallaSignsInAtTheProviderThenTheyListVivallasCasesOnly() throws IOException {
        vivallaCase = openCase(SECRETARY, false);
        protectedCaseElsewhere = openCase(ELSEWHERE, true);
        awaitListed(AUDITOR, vivallaCase, protectedCaseElsewhere);
        PROVIDER.requests();

        signIn(SECRETARY);

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/ui/cases"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i vivalla");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo("anna.lind (socialsekreterare)");
        assertThat(caseNumbersShown()).contains(vivallaCase.number()).doesNotContain(protectedCaseElsewhere.number());
        assertThat(browser.getPageSource()).contains(vivallaCase.id()).doesNotContain(protectedCaseElsewhere.id());
        screenshot("oidc-1-secretary-cases");
        assertAccessible("case list of a social secretary");
    }

    @Test
    @Order(2)
    void theSignInWasAnAuthorizationCodeFlowWithPkce() {
        List<RecordedRequest> requests = PROVIDER.requests();

        RecordedRequest authorization = requests.stream().filter(request -> request.getPath().contains("/authorize?")).findFirst()
                .orElseThrow(() -> new AssertionError("no authorization request among " + paths(requests)));
        assertThat(authorization.getRequestUrl().queryParameter("response_type")).isEqualTo("code");
        assertThat(authorization.getRequestUrl().queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(authorization.getRequestUrl().queryParameter("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        RecordedRequest token = requests.stream().filter(request -> request.getPath().endsWith("/token")).findFirst()
                .orElseThrow(() -> new AssertionError("no token request among " + paths(requests)));
        assertThat(token.getUtf8Body()).contains("grant_type=authorization_code").contains("code_verifier=")
                .contains("client_id=" + OpenIdProvider.CLIENT_ID);
        assertThat(token.getHeader("Authorization")).as("a public client has no secret to send").isNull();
    }

    @Test
    @Order(3)
    void theSocialSecretaryIsRefusedTheProtectedCaseOfAnotherUnit() throws IOException {
        browser.get(url("/ui/cases/" + protectedCaseElsewhere.id()));

        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Ingen behörighet");
        assertThat(browser.getPageSource()).doesNotContain("case-facts").doesNotContain(protectedCaseElsewhere.number());
        screenshot("oidc-2-refused");
        assertAccessible("refusal page");
        browser.get(url("/ui/cases/" + vivallaCase.id()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärende " + vivallaCase.number());
        assertAccessible("case page");
    }

    @Test
    @Order(4)
    void signingOutEndsTheSessionAtTheLedgerAndAtTheProvider() throws IOException {
        signOut();

        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Du är utloggad.");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Logga in med kommunens inloggning");
        screenshot("oidc-3-signed-out");
        assertAccessible("sign-in page after sign-out");
        assertThat(PROVIDER.requests()).extracting(RecordedRequest::getPath)
                .anySatisfy(path -> assertThat(path).contains("/endsession?").contains("id_token_hint="));
        browser.get(url("/ui/cases"));
        waitUntil(ExpectedConditions.urlContains(PROVIDER.issuer()));
        assertThat(browser.findElements(By.name("username"))).as("the provider asks who is signing in").isNotEmpty();
    }

    @Test
    @Order(5)
    void theUnitHeadSignsInAndReachesTheDashboard() throws IOException {
        signIn(UNIT_HEAD);

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/ui/dashboard"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Översikt för vivalla");
        waitUntil(driver -> driver.findElements(By.cssSelector("canvas.metric-chart")).stream()
                .allMatch(chart -> "true".equals(chart.getDomAttribute("data-drawn"))));
        screenshot("oidc-4-unit-head-dashboard");
        assertAccessible("dashboard");
        signOut();
    }

    @Test
    @Order(6)
    void theAuditorSignsInAndChoosesAmongTheUnits() throws IOException {
        signIn(AUDITOR);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i alla enheter");
        Select unit = new Select(browser.findElement(By.id("unit")));
        assertThat(unit.getOptions()).extracting(WebElement::getText).contains("vivalla", "central-reception");
        screenshot("oidc-5-auditor-units");
        assertAccessible("case list of all units");
        unit.selectByVisibleText("central-reception");
        browser.findElement(By.id("find")).click();
        waitUntil(ExpectedConditions.urlContains("unit=central-reception"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ärenden i central-reception");
        assertThat(caseNumbersShown()).contains(protectedCaseElsewhere.number()).doesNotContain(vivallaCase.number());
        signOut();
    }

    @Test
    @Order(7)
    void anAccountWithoutALedgerRoleIsRefusedInWordsAndNotSignedIn() throws IOException {
        signIn(OpenIdProvider.staff("nils.utan.roll", null, "vivalla"), "/login?refused");

        assertThat(browser.findElement(By.id("refused")).getText()).startsWith("Ärendeliggaren godtog inte inloggningen.");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("invalid_");
        screenshot("oidc-6-refused-sign-in");
        assertAccessible("sign-in page after a refused sign-in");
        browser.get(url("/ui/cases"));
        waitUntil(ExpectedConditions.urlContains(PROVIDER.issuer()));
    }

    /** Opens a case of the staff member's unit through the API, with an access token of the same provider. */
    private Opened openCase(Map<String, Object> staff, boolean protectedChild) {
        LedgerHttp api = new LedgerHttp(url("")).bearer(PROVIDER.accessToken(staff));
        StaffEntries.entered(new LedgerHttp(url("")).bearer(PROVIDER.accessToken(OpenIdProvider.staff("per.admin", "ADMINISTRATOR",
                "vivalla"))), (String) staff.get("preferred_username"), (String) staff.get("ledger_role"), (String) staff.get("ledger_unit"));
        LedgerHttp.Response child = api.post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Alva Exempel", "protectedIdentity", protectedChild));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        LedgerHttp.Response opened = api.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child.field("personId"),
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "The class teacher is worried.")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return new Opened(opened.field("caseId"), opened.field("caseNumber"));
    }

    /** The case list is a read model, written just after the cases: wait until it holds them. */
    private void awaitListed(Map<String, Object> staff, Opened... cases) {
        LedgerHttp api = new LedgerHttp(url("")).bearer(PROVIDER.accessToken(staff));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/api/v1/cases?limit=200").json()
                .findValuesAsString("caseNumber")).contains(Arrays.stream(cases).map(Opened::number).toArray(String[]::new)));
    }

    private void signIn(Map<String, Object> staff) {
        signIn(staff, "/ui/");
    }

    /** Goes to the pages, is sent to the provider's sign-in form, and signs in there with these claims. */
    private void signIn(Map<String, Object> staff, String landing) {
        browser.get(url("/ui"));
        waitUntil(ExpectedConditions.urlContains(PROVIDER.issuer()));
        browser.findElement(By.name("username")).sendKeys(String.valueOf(staff.get("preferred_username")));
        browser.findElement(By.name("claims")).sendKeys(json(staff));
        browser.findElement(By.cssSelector("input[type=submit]")).click();
        waitUntil(ExpectedConditions.urlContains(url(landing)));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form.inline button")).click();
        waitUntil(ExpectedConditions.urlToBe(url("/login?signedOut")));
    }

    private static String json(Map<String, Object> claims) {
        return claims.entrySet().stream().map(claim -> "\"" + claim.getKey() + "\": \"" + claim.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static List<String> caseNumbersShown() {
        return browser.findElements(By.cssSelector("a.case-link")).stream().map(WebElement::getText).toList();
    }

    private static List<String> paths(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::getPath).toList();
    }

    /** axe-core, in the browser, on the page as it stands: any violation of any of its rules fails the test. */
    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getViolations()).as(page + " (" + browser.getCurrentUrl() + "): " + results.getViolations().stream()
                .map(rule -> rule.getId() + " " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()) + " " + node.getHtml()).toList())
                .toList()).isEmpty();
    }

    /** The ledger at 127.0.0.1, another site than the provider at localhost. */
    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static <T> void waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
