package org.caseledger.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How staff authenticate: {@code ledger.security.mode} picks the configured users (HTTP Basic, the embedded default)
 * or an OpenID Connect identity provider whose JWT access tokens name the member of staff (production).
 *
 * @param mode           {@code users} (the default) or {@code oidc}
 * @param users          the logins of the {@code users} mode, with roles and units
 * @param allowDemoUsers lets users with the demo password log in to a configured database server (test servers only)
 * @param oidc           which claims of a token name the member of staff in the {@code oidc} mode, and its issuer
 * @param corsOrigins    the origins whose pages may call the API from a browser (CORS), e.g. the case-management
 *                       system's {@code https://ecos.example.se}; none by default
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(Mode mode, List<ConfiguredUser> users, boolean allowDemoUsers, Oidc oidc, List<String> corsOrigins) {

    public LedgerSecurityProperties {
        mode = mode == null ? Mode.USERS : mode;
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }

    public enum Mode {
        /** Users, bcrypt passwords, roles and units from {@code ledger.security.users}; HTTP Basic. */
        USERS,
        /** An OAuth2 resource server: a bearer JWT from the identity provider names the member of staff. */
        OIDC
    }

    /** One configured login; the password is stored encoded, e.g. {@code {bcrypt}$2a$10$...}. */
    public record ConfiguredUser(String username, String password, StaffId staffId, Role role, UnitId unit) {
    }

    /**
     * The claims of an access token that make a member of staff.
     *
     * @param staffIdClaim the claim holding the staff id every event records ({@code preferred_username})
     * @param roleClaim    the claim holding the ledger role, as one value or a list ({@code ledger_role})
     * @param unitClaim    the claim holding the unit ({@code ledger_unit})
     * @param roleMapping  identity-provider values (group or role names) to ledger roles; when empty the values
     *                     are the ledger's role names themselves ({@code SOCIAL_SECRETARY} …)
     * @param issuer       the issuer every token must name in its {@code iss} claim; needed beside {@code jwk-set-uri} or
     *                     {@code public-key-location}, while {@code issuer-uri} names it itself ({@link OidcTokenChecks})
     * @param timeout      how long the ledger waits for the identity provider's configuration, key set or token endpoint
     *                     (5 seconds)
     * @param pages        the pages' client at the identity provider; without its client id the pages are not offered
     */
    public record Oidc(String staffIdClaim, String roleClaim, String unitClaim, Map<String, Role> roleMapping, String issuer,
                       Duration timeout, Pages pages) {

        public Oidc {
            staffIdClaim = staffIdClaim == null || staffIdClaim.isBlank() ? "preferred_username" : staffIdClaim;
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "ledger_role" : roleClaim;
            unitClaim = unitClaim == null || unitClaim.isBlank() ? "ledger_unit" : unitClaim;
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
            issuer = issuer == null || issuer.isBlank() ? null : issuer;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            if (timeout.isNegative() || timeout.isZero()) {
                // Zero would mean no limit at all to the HTTP client.
                throw new IllegalArgumentException("ledger.security.oidc.timeout must be positive");
            }
            pages = pages == null ? new Pages(null, null, null, null) : pages;
        }
    }

    /**
     * The pages' client at the identity provider, which signs staff in with the authorization-code flow and PKCE
     * ({@link IdentityProviderSignIn}); the provider is the one the API trusts, found at its issuer.
     *
     * @param clientId     the client id the identity provider knows the pages by; the pages are offered in the
     *                     {@code oidc} mode only with one
     * @param clientSecret the client's secret, for a confidential client; without one it is a public client
     * @param redirectUri  where the identity provider sends the browser back after sign-in, registered there as it is
     *                     ({@code {baseUrl}/login/oauth2/code/ledger}: the ledger's address as the browser reaches it)
     * @param scopes       the scopes asked for besides {@code openid}, such as the scope of the ledger's API that makes
     *                     the access token one for the ledger
     */
    public record Pages(String clientId, String clientSecret, String redirectUri, List<String> scopes) {

        public Pages {
            clientId = clientId == null || clientId.isBlank() ? null : clientId;
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            redirectUri = redirectUri == null || redirectUri.isBlank() ? "{baseUrl}/login/oauth2/code/{registrationId}" : redirectUri;
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        /** A client without a secret: it proves the sign-in with PKCE alone. */
        public boolean isPublic() {
            return clientSecret == null;
        }

        /** Never the secret: this may end up in a log line. */
        @Override
        public String toString() {
            return "Pages[" + clientId + (isPublic() ? ", public" : ", confidential") + ", " + redirectUri + ", " + scopes + "]";
        }
    }
}
