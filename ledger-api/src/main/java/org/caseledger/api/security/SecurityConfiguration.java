package org.caseledger.api.security;

import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.caseledger.core.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. Staff authenticate as {@code ledger.security.mode} says: HTTP Basic against the configured users
 * ({@link ConfiguredUsers}), or a bearer JWT of the identity provider ({@link StaffClaims}); either way the principal
 * is a {@link StaffUser} and no session is kept. (The pages keep a session, on a filter chain of their own: a form in
 * the {@code users} mode, the identity provider's sign-in in the {@code oidc} mode, {@link IdentityProviderSignIn}.)
 * Reads of cases are for case workers, leaders and auditors; writes
 * for case workers and leaders; auditors never write. A write must say it is JSON or carry {@code X-Requested-By}
 * ({@link CrossSiteWriteCheck}), which no page of another site can make a browser send. In the {@code users} mode the sign-in guard of the
 * {@code signin} package stands in front of HTTP Basic (Spring applies its {@code Customizer<HttpSecurity>} bean to
 * every chain): an attempt for a locked account or address is refused before its password is checked. Another site's
 * pages may call the API from a browser only when {@code ledger.security.cors-origins} names it ({@link CrossOriginRequests}). The
 * administrator's endpoints, the release of those locks ({@code DELETE}) among them, are for the administrator alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
@Import({OidcTokenChecks.class, IdentityProviderRequests.class})
public class SecurityConfiguration {

    private static final String[] CASE_WORKERS = {role(Role.SOCIAL_SECRETARY), role(Role.GROUP_LEADER), role(Role.UNIT_HEAD)};
    private static final String[] CASE_READERS = {role(Role.SOCIAL_SECRETARY), role(Role.GROUP_LEADER), role(Role.UNIT_HEAD), role(Role.AUDITOR)};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Problems problems, LedgerSecurityProperties security,
                                            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        switch (security.mode()) {
            case USERS -> passwords(http, problems);
            case OIDC -> bearerTokens(http, problems, jwtDecoder, security.oidc());
        }
        http
                // Spring's CSRF token needs a session, which the API does not keep; a cross-site write is refused by its form.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossOriginRequests(problems, security.corsOrigins()), CsrfFilter.class)
                .addFilterAt(new CrossSiteWriteCheck(problems), CsrfFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // A map of every endpoint is for the staff who integrate with the ledger, not for whoever reaches it.
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .requestMatchers("/error").permitAll()
                        // The pages that explain the problem types: a client refused for want of a login must be able to read them.
                        .requestMatchers(HttpMethod.GET, "/problems/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/public-key", "/api/v1/audit/log-key", "/api/v1/audit/keys").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/access-log/**").hasRole(role(Role.AUDITOR))
                        // A request naming a case is decided, and logged, by the case access guard, refusals included.
                        .requestMatchers("/api/v1/cases/*", "/api/v1/cases/*/**", "/api/v1/audit/cases/*/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAnyRole(role(Role.AUDITOR), role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasAnyRole(role(Role.ADMINISTRATOR), role(Role.UNIT_HEAD))
                        .requestMatchers("/api/v1/admin/**").hasRole(role(Role.ADMINISTRATOR))
                        .requestMatchers(HttpMethod.POST, "/api/v1/staff", "/api/v1/staff/**").hasRole(role(Role.ADMINISTRATOR))
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff", "/api/v1/staff/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/persons/*/extract").hasAnyRole(role(Role.UNIT_HEAD), role(Role.AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/v1/retention/due").hasAnyRole(role(Role.UNIT_HEAD), role(Role.AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/v1/retention/run").hasRole(role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/*/erasure").hasAnyRole(role(Role.ADMINISTRATOR), role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/*/erasure-approvals").hasRole(role(Role.UNIT_HEAD))
                        // lifting a protection widens who reads the person's files: the unit head decides it
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/*/identity-protection/lifting").hasRole(role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(CASE_READERS)
                        // a search reads: it is posted only to keep the identity number out of the URL
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/search").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/**").hasAnyRole(CASE_WORKERS)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** HTTP Basic against the configured users. */
    private static void passwords(HttpSecurity http, Problems problems) throws Exception {
        // One answer for a missing login and a failed one: Basic authentication's own entry point would send the
        // failed login to the servlet error page instead.
        AuthenticationEntryPoint passwordRequired = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"case-ledger\"");
            problems.write(request, response, ProblemType.AUTHENTICATION_REQUIRED);
        };
        http.httpBasic(basic -> basic.authenticationEntryPoint(passwordRequired))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(passwordRequired));
    }

    /**
     * An OAuth2 resource server: bearer JWTs verified by the decoder Boot builds from spring.security.oauth2.resourceserver.jwt.*,
     * with the ledger's own checks ({@link OidcTokenChecks}); an identity provider that does not answer is a 503.
     */
    private static void bearerTokens(HttpSecurity http, Problems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                                     LedgerSecurityProperties.Oidc claims) throws Exception {
        BearerTokenProblems tokenRequired = new BearerTokenProblems(problems);
        IdentityProviderOutage outage = new IdentityProviderOutage(problems, tokenRequired);
        http.oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(accessTokens(jwtDecoder)).jwtAuthenticationConverter(new StaffClaims(claims)))
                        .authenticationEntryPoint(tokenRequired)
                        .withObjectPostProcessor(outage.installer()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(tokenRequired));
    }

    /**
     * The decoder of the identity provider's access tokens, the API's bearer tokens and the pages' sign-ins alike: the one
     * Boot builds from spring.security.oauth2.resourceserver.jwt.*, with the ledger's checks ({@link OidcTokenChecks}).
     */
    static JwtDecoder accessTokens(ObjectProvider<JwtDecoder> jwtDecoder) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable(() -> {
            throw new IllegalStateException("ledger.security.mode=oidc needs the identity provider: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri, or public-key-location)");
        });
        return IdentityProviderOutage.reportingUnreadableConfiguration(decoder);
    }

    /**
     * A request the firewall refuses (an encoded slash or dot in the path, a control character in a header) is
     * answered as a problem here; the default handler would send it through the servlet error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, e) -> problems.write(request, response, ProblemType.MALFORMED_REQUEST);
    }

    private static String role(Role role) {
        return role.name();
    }
}
