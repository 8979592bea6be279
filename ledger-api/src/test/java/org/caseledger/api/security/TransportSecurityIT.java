package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The ledger behind a proxy that terminates TLS, spoken to as the proxy would speak to it: a request the trusted proxy
 * (here 127.0.0.1) says came by https is answered with HSTS, on the API and on the pages, and its redirects stay on
 * https; the same claim from any other address (127.0.0.2) is not believed, and plain http gets no HSTS. The pages'
 * session cookie is Secure, HttpOnly and SameSite=Lax, before and after sign-in.
 */
class TransportSecurityIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Map.Entry<String, String> FORWARDED_HTTPS = RawHttp.header("X-Forwarded-Proto", "https");

    @Test
    void behindTheTrustedProxyTheApiAndThePagesSendHsts() throws IOException {
        RawHttp proxy = new RawHttp(port());

        RawHttp.Answer api = proxy.send(get("/api/v1/caseload?unit=vivalla", basic("lars"), FORWARDED_HTTPS));
        RawHttp.Answer page = proxy.send(get("/login", FORWARDED_HTTPS));
        RawHttp.Answer redirect = proxy.send(get("/ui/cases", FORWARDED_HTTPS));

        assertThat(api.status()).as(api.text()).isEqualTo(200);
        assertThat(page.status()).isEqualTo(200);
        assertThat(List.of(api, page, redirect)).allSatisfy(answer ->
                assertThat(answer.header("Strict-Transport-Security")).as("HSTS").startsWith("max-age=").contains("includeSubDomains"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("https://localhost/login");
    }

    @Test
    void overPlainHttpNoHstsIsSent() throws IOException {
        RawHttp direct = new RawHttp(port());

        RawHttp.Answer api = direct.send(get("/api/v1/caseload?unit=vivalla", basic("lars")));
        RawHttp.Answer page = direct.send(get("/login"));

        assertThat(api.status()).isEqualTo(200);
        assertThat(List.of(api, page)).allSatisfy(answer -> assertThat(answer.header("Strict-Transport-Security")).isNull());
    }

    @Test
    void anAddressThatIsNoTrustedProxyCannotClaimHttps() throws IOException {
        RawHttp elsewhere = new RawHttp(port(), InetAddress.getByName("127.0.0.2"));

        RawHttp.Answer api = elsewhere.send(get("/api/v1/caseload?unit=vivalla", basic("lars"), FORWARDED_HTTPS));
        RawHttp.Answer redirect = elsewhere.send(get("/ui/cases", FORWARDED_HTTPS));

        assertThat(api.status()).as(api.text()).isEqualTo(200);
        assertThat(List.of(api, redirect)).allSatisfy(answer -> assertThat(answer.header("Strict-Transport-Security")).isNull());
        assertThat(redirect.header("Location")).startsWith("http://localhost");
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteBeforeAndAfterSignIn() throws IOException {
        RawHttp browser = new RawHttp(port());
        RawHttp.Answer form = browser.send(get("/login"));
        Matcher token = CSRF.matcher(form.text());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String session = form.header("Set-Cookie");

        RawHttp.Answer signedIn = browser.send(new RawHttp.Request("POST", "/login", List.of(
                RawHttp.header("Cookie", session.substring(0, session.indexOf(';'))),
                RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                ("username=lars&password=" + LedgerHttp.PASSWORD + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8), false));

        assertThat(signedIn.header("Location")).endsWith("/ui");
        assertThat(List.of(session, signedIn.header("Set-Cookie"))).allSatisfy(cookie -> assertThat(attributes(cookie))
                .startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    /** The cookie's name and its attributes, the value left out. */
    private static List<String> attributes(String setCookie) {
        List<String> parts = new ArrayList<>();
        for (String part : setCookie.split(";")) {
            parts.add(part.trim().replaceFirst("^JSESSIONID=.*", "JSESSIONID="));
        }
        return parts;
    }

    @SafeVarargs
    private static RawHttp.Request get(String path, Map.Entry<String, String>... headers) {
        return new RawHttp.Request("GET", path, List.of(headers), new byte[0], false);
    }

    private static Map.Entry<String, String> basic(String user) {
        return RawHttp.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
