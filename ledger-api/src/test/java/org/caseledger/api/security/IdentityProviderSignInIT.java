package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.RecordedRequest;
import org.caseledger.api.support.BrowserCookies;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.OpenIdProvider;
import org.caseledger.api.support.StaffEntries;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages' sign-in through the identity provider, over HTTP as a browser makes it, against a real OpenID provider
 * started in the test: the authorization request carries a PKCE challenge and the token request its verifier and the
 * client's secret; the sign-in's access token is checked and read as the API reads a bearer token, so a token of
 * another issuer, for another audience or without a ledger role ends on the sign-in page with a refusal in words and
 * no session; sign-out ends the session here and at the provider. The API keeps taking bearer tokens and no session.
 * The ledger trusts the provider's key set with the issuer named beside it, so the ledger's own issuer check
 * ({@link OidcTokenChecks}) is the one that applies to access tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.mode=oidc",
        "spring.security.oauth2.resourceserver.jwt.audiences=" + OpenIdProvider.AUDIENCE,
        "ledger.security.oidc.pages.client-id=" + OpenIdProvider.CLIENT_ID,
        "ledger.security.oidc.pages.client-secret=" + IdentityProviderSignInIT.CLIENT_SECRET})
@DirtiesContext
class IdentityProviderSignInIT {

    static final String CLIENT_SECRET = "pages-secret-4f1c";
    private static final OpenIdProvider PROVIDER = OpenIdProvider.automatic();
    private static final Map<String, Object> SECRETARY = OpenIdProvider.staff("maja.berg", "SOCIAL_SECRETARY", "vivalla");

    @LocalServerPort
    private int port;

    private HttpClient browser;

    @DynamicPropertySource
    static void ownDatabaseAndTheProvider(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::keySet);
        registry.add("ledger.security.oidc.issuer", PROVIDER::issuer);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void aNewBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).followRedirects(HttpClient.Redirect.NEVER).build();
        PROVIDER.requests();
    }

    @Test
    void givenAMemberOfStaffWhenTheySignInThenThePagesAskForACodeWithPkceAndRedeemItWithTheVerifierAndTheSecret() {
        PROVIDER.nextSignIn(SECRETARY, OpenIdProvider.AUDIENCE);

        List<HttpResponse<String>> hops = visit("/ui/cases");

        Map<String, String> authorization = query(hopTo(hops, "/authorize").uri());
        assertThat(authorization).containsEntry("response_type", "code").containsEntry("client_id", OpenIdProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", ledger("/login/oauth2/code/ledger"))
                .containsKeys("state", "nonce");
        assertThat(authorization.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(authorization.get("scope")).contains("openid");
        RecordedRequest tokenRequest = PROVIDER.requests().stream().filter(request -> request.getPath().endsWith("/token"))
                .findFirst().orElseThrow();
        Map<String, String> redemption = form(tokenRequest.getUtf8Body());
        assertThat(redemption).containsEntry("grant_type", "authorization_code").containsKey("code_verifier");
        assertThat(redemption.get("code_verifier")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((OpenIdProvider.CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> page = hops.get(hops.size() - 1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/ui/cases");
        assertThat(page.body()).contains("maja.berg").contains("Ärenden i vivalla");
    }

    @Test
    void theSessionCookieOfASignInThroughTheProviderIsSecureHttpOnlyAndSameSiteLax() {
        PROVIDER.nextSignIn(SECRETARY, OpenIdProvider.AUDIENCE);

        HttpResponse<String> callback = hopTo(visit("/ui"), "/login/oauth2/code/ledger");

        assertThat(location(callback)).isEqualTo(ledger("/ui"));
        assertThat(callback.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void givenATokenOfAnotherIssuerSignedByTheProvidersKeyWhenSigningInThenASwedishRefusalAndNoSession() {
        Map<String, Object> otherRealm = new HashMap<>(SECRETARY);
        otherRealm.put("iss", "https://login.example-kommun.se/realms/payroll");
        PROVIDER.nextSignIn(otherRealm, OpenIdProvider.AUDIENCE);

        assertRefusedInWords(visit("/ui/cases"));
    }

    @Test
    void givenATokenWithoutALedgerRoleWhenSigningInThenARefusalInWordsInSwedishAndInEnglish() {
        PROVIDER.nextSignIn(OpenIdProvider.staff("maja.berg", null, "vivalla"), OpenIdProvider.AUDIENCE);

        assertRefusedInWords(visit("/ui/cases"));

        HttpResponse<String> english = send(HttpRequest.newBuilder(URI.create(ledger("/login?refused&lang=en"))).GET().build());
        assertThat(english.body()).contains("The case ledger did not accept the sign-in.").doesNotContain("Exception");
    }

    @Test
    void givenAnAccessTokenForAnotherAudienceWhenSigningInThenRefusedAsTheApiWouldRefuseIt() {
        PROVIDER.nextSignIn(SECRETARY, "payroll");

        assertRefusedInWords(visit("/ui/cases"));
    }

    @Test
    void givenASignedInMemberOfStaffWhenTheySignOutThenTheSessionEndsHereAndAtTheProvider() {
        PROVIDER.nextSignIn(SECRETARY, OpenIdProvider.AUDIENCE);
        HttpResponse<String> cases = last(visit("/ui/cases"));

        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(ledger("/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken(cases.body()))).build());

        URI endSession = URI.create(location(signedOut));
        assertThat(endSession.toString()).startsWith(PROVIDER.issuer() + "/endsession");
        assertThat(query(endSession)).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", ledger("/login?signedOut"));
        HttpResponse<String> back = last(visit(endSession.toString()));
        assertThat(back.uri().toString()).isEqualTo(ledger("/login?signedOut"));
        assertThat(back.body()).contains("Du är utloggad.");
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(ledger("/ui/cases"))).GET().build());
        assertThat(location(again)).isEqualTo(ledger("/oauth2/authorization/ledger"));
    }

    @Test
    void withThePagesSignedInTheApiStillTakesOnlyBearerTokens() {
        PROVIDER.nextSignIn(SECRETARY, OpenIdProvider.AUDIENCE);
        visit("/ui/cases");
        LedgerHttp api = new LedgerHttp(ledger(""));
        StaffEntries.entered(api.bearer(PROVIDER.accessToken(OpenIdProvider.staff("per.admin", "ADMINISTRATOR", "vivalla"))),
                "maja.berg", "SOCIAL_SECRETARY", "vivalla");

        LedgerHttp.Response registered = api.bearer(PROVIDER.accessToken(SECRETARY)).post("/api/v1/persons",
                Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));
        HttpResponse<String> withTheSessionOnly = send(HttpRequest.newBuilder(URI.create(ledger("/api/v1/caseload"))).GET().build());

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(withTheSessionOnly.statusCode()).isEqualTo(401);
        assertThat(withTheSessionOnly.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"case-ledger\"");
        assertThat(api.bearer(PROVIDER.accessToken(OpenIdProvider.staff("maja.berg", null, "vivalla")))
                .get("/api/v1/caseload").status()).isEqualTo(401);
    }

    /** Ended on the sign-in page, which says in Swedish that the ledger did not accept the sign-in, and not signed in. */
    private void assertRefusedInWords(List<HttpResponse<String>> hops) {
        HttpResponse<String> page = last(hops);
        assertThat(page.uri().toString()).isEqualTo(ledger("/login?refused"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Ärendeliggaren godtog inte inloggningen.")
                .contains("href=\"/oauth2/authorization/ledger\"")
                .doesNotContain("Exception").doesNotContain("invalid_").doesNotContain("at org.");
        HttpResponse<String> cases = send(HttpRequest.newBuilder(URI.create(ledger("/ui/cases"))).GET().build());
        assertThat(cases.statusCode()).as("not signed in").isEqualTo(302);
    }

    /** Follows redirects from a page of the ledger, or any address, as a browser does; every answer on the way. */
    private List<HttpResponse<String>> visit(String pathOrAddress) {
        List<HttpResponse<String>> hops = new ArrayList<>();
        URI next = URI.create(pathOrAddress.startsWith("/") ? ledger(pathOrAddress) : pathOrAddress);
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(next).GET().build());
            hops.add(answer);
            if (answer.statusCode() / 100 != 3) {
                return hops;
            }
            next = URI.create(location(answer));
        }
        throw new AssertionError("more than 12 redirects: " + hops);
    }

    /** Where an answer redirects to, as an absolute address. */
    private static String location(HttpResponse<String> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + answer.statusCode() + " " + answer.uri()))).toString();
    }

    private static HttpResponse<String> hopTo(List<HttpResponse<String>> hops, String pathEnd) {
        return hops.stream().filter(hop -> hop.uri().getPath().endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + pathEnd + " in " + hops));
    }

    private static HttpResponse<String> last(List<HttpResponse<String>> hops) {
        return hops.get(hops.size() - 1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a sign-out form with its CSRF token").isTrue();
        return token.group(1);
    }

    private static Map<String, String> query(URI address) {
        return form(address.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private String ledger(String path) {
        return "http://localhost:" + port + path;
    }
}
