package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.BrowserCookies;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The pages over plain HTTP: sign-in by form with its CSRF token, malformed input answered with a readable page
 * and never a 500 (a malformed language included, with nothing logged), stored text shown as text and never as
 * markup, and the content security policy sent.
 */
class PagesIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void malformedInputToThePagesIsAnsweredWithAReadablePageAndNever500() throws Exception {
        String caseId = Fixtures.openCase(http);
        HttpClient anna = signedIn("anna");

        assertPage(get(anna, "/ui/cases/not-a-case-id"), 400);
        assertPage(get(anna, "/ui/cases/" + UUID.randomUUID()), 404);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=abc"), 400);
        assertPage(get(anna, "/ui/cases/" + caseId + "?asOf=yesterday"), 400);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=-5"), 200);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=999999"), 200);
        assertPage(get(anna, "/ui/dashboard?from=2026-13-01"), 400);
        assertPage(get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01"), 400);
        assertPage(get(anna, "/ui/dashboard?unit=central-reception"), 403);
        assertPage(get(anna, "/ui/cases?unit=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)), 400);
        assertPage(get(signedIn("sara"), "/ui/cases/" + caseId), 403);
    }

    @Test
    void anErrorPageSaysWhatIsWrongInThePageLanguageWithoutTheCodeBehindIt() throws Exception {
        HttpClient anna = signedIn("anna");

        HttpResponse<String> swedish = get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01");
        HttpResponse<String> english = get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01&lang=en");

        assertPage(swedish, 400);
        assertThat(swedish.body()).contains("to: perioden får vara högst 10 år och måste gå framåt");
        assertThat(english.body()).contains("to: the period may span at most 10 years and must run forwards");
        assertThat(swedish.body() + english.body()).doesNotContainPattern(ProblemChecks.CODE_NAMES);
    }

    @Test
    void storedTextIsShownAsTextNeverAsMarkupUnderAStrictContentSecurityPolicy() throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/cases/" + caseId + "/notes", Map.of("text", "<script>alert('note')</script><b>bold</b>"));

        HttpResponse<String> page = get(signedIn("lars"), "/ui/cases/" + caseId);

        assertPage(page, 200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>bold");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void thePagesAnswerInEnglishOnRequestAndRememberIt() throws Exception {
        HttpClient lars = signedIn("lars");

        assertThat(get(lars, "/ui/cases").body()).contains("Ärenden i vivalla");
        assertThat(get(lars, "/ui/cases?lang=en").body()).contains("Cases of vivalla");
        assertThat(get(lars, "/ui/cases").body()).contains("Cases of vivalla");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMalformedLanguageFallsBackToSwedishWithNoErrorLogged(CapturedOutput log) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).build();
        String script = URLEncoder.encode("<script>", StandardCharsets.UTF_8);

        HttpResponse<String> login = get(anonymous, "/login?lang=" + script);
        HttpResponse<String> loginWithCookie = anonymous.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", "ledger-language=<script>").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cases = get(signedIn("lars"), "/ui/cases?lang=" + URLEncoder.encode("en_<b>", StandardCharsets.UTF_8));

        assertThat(List.of(login, loginWithCookie, cases)).allSatisfy(page -> assertPage(page, 200));
        assertThat(login.body()).contains("Logga in");
        assertThat(loginWithCookie.body()).contains("Logga in");
        assertThat(cases.body()).contains("Ärenden i vivalla");
        assertThat(log.getAll()).doesNotContain("Unexpected error").doesNotContain("<script>").doesNotContainPattern("\\n\\tat ");
    }

    private static void assertPage(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        Matcher token = CSRF.matcher(get(client, "/login").body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + user + "&password=ledger-demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().getPath()).as("signed in as " + user).startsWith("/ui/");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
