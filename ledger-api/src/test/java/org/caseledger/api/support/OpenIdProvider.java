package org.caseledger.api.support;

import com.nimbusds.jose.JOSEObjectType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OpenID provider in the test (navikt's mock-oauth2-server): discovery, key set, the authorization endpoint
 * (with a sign-in form when interactive), the token endpoint, which checks a PKCE verifier against the challenge, and
 * the end-session endpoint. Its tokens for the ledger have the audience {@link #AUDIENCE}, like a provider configured
 * for the ledger; the claims that make a member of staff are what a test gives.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String REALM = "social-services";
    public static final String AUDIENCE = IdentityProvider.AUDIENCE;
    /** The client id the ledger's pages have at the provider, here the same as the audience, as in a Keycloak realm. */
    public static final String CLIENT_ID = AUDIENCE;

    private final MockOAuth2Server server;

    private OpenIdProvider(boolean interactive) {
        // Without a sign-in's own claims, the provider's tokens name no member of staff.
        server = new MockOAuth2Server(new OAuth2Config(interactive, null, null, false, new OAuth2TokenProvider(),
                Set.of(forTheLedger(Map.of(), AUDIENCE)), new MockWebServerWrapper()));
        try {
            server.start(InetAddress.getByName("localhost"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in whoever a person types into its form, with the claims typed beside (a browser's sign-in). */
    public static OpenIdProvider interactive() {
        return new OpenIdProvider(true);
    }

    /** Signs in at once, with the claims of {@link #nextSignIn}, or none beyond the standard ones. */
    public static OpenIdProvider automatic() {
        return new OpenIdProvider(false);
    }

    public String issuer() {
        return server.issuerUrl(REALM).toString();
    }

    public String keySet() {
        return server.jwksUrl(REALM).toString();
    }

    /** The claims that name a member of staff to the ledger (its default claim names). */
    public static Map<String, Object> staff(String staffId, String role, String unit) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", staffId);
        if (role != null) {
            claims.put("ledger_role", role);
        }
        claims.put("ledger_unit", unit);
        return claims;
    }

    /** The next sign-in (of an {@link #automatic()} provider) gives these claims, and its access token this audience. */
    public void nextSignIn(Map<String, Object> claims, String audience) {
        server.enqueueCallback(forTheLedger(claims, audience));
    }

    /** An access token for the API, as a case system would get from the provider. */
    public String accessToken(Map<String, Object> claims) {
        return server.issueToken(REALM, CLIENT_ID, forTheLedger(claims, AUDIENCE)).serialize();
    }

    /** Every request the provider received since the last call, oldest first. */
    public List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        while (true) {
            try {
                requests.add(server.takeRequest(200, TimeUnit.MILLISECONDS));
            } catch (RuntimeException none) {
                return requests;
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static OAuth2TokenCallback forTheLedger(Map<String, Object> claims, String audience) {
        String subject = String.valueOf(claims.getOrDefault("preferred_username", "someone"));
        return new DefaultOAuth2TokenCallback(REALM, subject, JOSEObjectType.JWT.getType(), List.of(audience), claims, 3600);
    }
}
