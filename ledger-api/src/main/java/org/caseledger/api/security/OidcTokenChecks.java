package org.caseledger.api.security;

import java.time.Instant;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * What an access token must show in the {@code oidc} mode besides a good signature and the ledger's audience: the
 * expected issuer and an expiry. Spring checks the issuer only when it is given {@code issuer-uri}; with a key
 * ({@code public-key-location}) or a key set ({@code jwk-set-uri}) alone, any token signed by that key would do, such as
 * one for another realm or tenant of the same identity provider. And Spring's timestamp check takes a token without
 * {@code exp} for one that never expires, so such a token, leaked once, would open the ledger for good. Spring Boot
 * adds every token validator bean to the checks of the decoder it builds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "oidc")
class OidcTokenChecks {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Bean
    OAuth2TokenValidator<Jwt> issuerAndExpiry(LedgerSecurityProperties security, Environment environment) {
        String issuer = expectedIssuer(security.oidc().issuer(), environment.getProperty(ISSUER_URI));
        return new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }

    /** The issuer the ledger is told to expect, or the one it discovers the provider by; they may not disagree. */
    static String expectedIssuer(String configured, String issuerUri) {
        boolean discovered = StringUtils.hasText(issuerUri);
        if (configured == null && !discovered) {
            throw new IllegalStateException("ledger.security.mode=oidc needs the issuer every token must name: set "
                    + ISSUER_URI + ", or ledger.security.oidc.issuer beside jwk-set-uri or public-key-location");
        }
        if (configured != null && discovered && !configured.equals(issuerUri)) {
            throw new IllegalStateException("ledger.security.oidc.issuer (" + configured + ") and " + ISSUER_URI + " (" + issuerUri
                    + ") name different issuers, and no token could name both");
        }
        return configured != null ? configured : issuerUri;
    }
}
