package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.caseledger.api.problems.Problems;
import org.caseledger.api.support.IdentityProvider;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The switch {@code ledger.security.mode}, on the security configuration alone: which mode starts, and which refuses to. */
class AuthenticationModeTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(SecurityConfiguration.class, ConfiguredUsers.class, Problems.class);

    @Test
    void withoutAModeTheConfiguredUsersLogIn() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(SecurityFilterChain.class).hasSingleBean(UserDetailsService.class);
            assertThat(started.getBean(LedgerSecurityProperties.class).mode()).isEqualTo(LedgerSecurityProperties.Mode.USERS);
        });
    }

    @Test
    void theOidcModeWithoutTheIdentityProviderRefusesToStartAndSaysWhatToSet() {
        context.withPropertyValues("ledger.security.mode=oidc").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.security.mode=oidc")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
    }

    @Test
    void theOidcModeWithAKeyButNoIssuerRefusesToStartAndSaysWhatToSet() {
        for (String key : List.of("public-key-location=" + IdentityProvider.PUBLIC_KEY_LOCATION,
                "jwk-set-uri=https://login.example-kommun.se/realms/social-services/protocol/openid-connect/certs")) {
            context.withPropertyValues("ledger.security.mode=oidc", "spring.security.oauth2.resourceserver.jwt." + key)
                    .run(started -> assertThat(started).hasFailed()
                            .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("ledger.security.oidc.issuer"));
        }
    }

    @Test
    void theOidcModeRefusesToStartWhenTheIssuerItIsToldAndTheOneItDiscoversDiffer() {
        context.withPropertyValues("ledger.security.mode=oidc",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IdentityProvider.ISSUER,
                        "ledger.security.oidc.issuer=https://login.example-kommun.se/realms/payroll")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("different issuers"));
    }

    @Test
    void withAnIssuerUriTheLedgerChecksThatIssuerAndAnExpiryItself() {
        context.withPropertyValues("ledger.security.mode=oidc", "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IdentityProvider.ISSUER)
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    @SuppressWarnings("unchecked")
                    OAuth2TokenValidator<Jwt> checks = started.getBean("issuerAndExpiry", OAuth2TokenValidator.class);
                    Instant now = Instant.now();
                    assertThat(checks.validate(jwt(IdentityProvider.ISSUER, now.plusSeconds(600))).hasErrors()).isFalse();
                    assertThat(checks.validate(jwt("https://login.example-kommun.se/realms/payroll", now.plusSeconds(600))).hasErrors()).isTrue();
                    assertThat(checks.validate(jwt(null, now.plusSeconds(600))).hasErrors()).isTrue();
                    assertThat(checks.validate(jwt(IdentityProvider.ISSUER, null)).hasErrors()).isTrue();
                });
    }

    @Test
    void theOidcModeStartsWithTheIdentityProvidersKeyAndHasNoConfiguredUsers() {
        context.withPropertyValues("ledger.security.mode=oidc",
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + IdentityProvider.PUBLIC_KEY_LOCATION,
                        "ledger.security.oidc.issuer=" + IdentityProvider.ISSUER,
                        "ledger.security.users[0].username=anna", "ledger.security.users[0].password={noop}x",
                        "ledger.security.users[0].staff-id=anna.lind", "ledger.security.users[0].role=SOCIAL_SECRETARY",
                        "ledger.security.users[0].unit=vivalla")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(SecurityFilterChain.class)
                        .hasSingleBean(JwtDecoder.class).doesNotHaveBean(UserDetailsService.class));
    }

    @Test
    void aRoleMappingBindsGroupPathsAndIdsAsTheyAreWritten() {
        context.withPropertyValues("ledger.security.mode=oidc",
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + IdentityProvider.PUBLIC_KEY_LOCATION,
                        "ledger.security.oidc.issuer=" + IdentityProvider.ISSUER,
                        "ledger.security.oidc.role-claim=groups",
                        "ledger.security.oidc.role-mapping.[/Social services/Vivalla/Auditors]=AUDITOR",
                        "ledger.security.oidc.role-mapping.[6f1c2a4e-0000-4000-8000-000000000001]=GROUP_LEADER")
                .run(started -> assertThat(started.getBean(LedgerSecurityProperties.class).oidc().roleMapping())
                        .containsEntry("/Social services/Vivalla/Auditors", Role.AUDITOR)
                        .containsEntry("6f1c2a4e-0000-4000-8000-000000000001", Role.GROUP_LEADER)
                        .hasSize(2));
    }

    @Test
    void anUnknownModeRefusesToStart() {
        context.withPropertyValues("ledger.security.mode=saml").run(started -> assertThat(started).hasFailed());
    }

    private static Jwt jwt(String issuer, Instant expiresAt) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("maja.berg").issuedAt(Instant.now().minusSeconds(60));
        if (issuer != null) {
            jwt.issuer(issuer);
        }
        if (expiresAt != null) {
            jwt.expiresAt(expiresAt);
        }
        return jwt.build();
    }
}
