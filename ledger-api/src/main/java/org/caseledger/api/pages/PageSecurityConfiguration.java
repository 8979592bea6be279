package org.caseledger.api.pages;

import java.util.stream.Stream;
import org.caseledger.api.security.ConditionalOnIdentityProviderPages;
import org.caseledger.api.security.IdentityProviderSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages sign staff in and keep them signed in with a session cookie, unlike the stateless API; forms carry CSRF
 * tokens. In the {@code users} mode they sign in with a form; in the {@code oidc} mode through the identity provider
 * ({@link IdentityProviderSignIn}), when the pages have a client there, and not at all without one. The cookie is
 * Secure, HttpOnly and SameSite=Lax ({@code server.servlet.session.cookie} in application.yml): Lax still sends it
 * with the identity provider's redirect back, a top-level navigation. Behind a TLS proxy the pages send HSTS
 * (docs/operations.md, "Production", TLS). The content security policy allows scripts and styles from the ledger
 * itself only, so even text that slipped past escaping could not run, and forms to the ledger only, and to the
 * identity provider, to which the sign-out form's answer leads. A sign-in posted while the account or the address is
 * locked never reaches the password check: the sign-in guard (package {@code signin}) sends it back to the sign-in
 * page.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    private static final String[] PAGES = {"/", "/ui", "/ui/**", "/login", "/logout", "/webjars/**", "/css/**", "/js/**"};
    private static final String[] OPEN = {"/login", "/webjars/**", "/css/**", "/js/**"};

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        pages(http, PAGES, "'self'")
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/ui", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
        return http.build();
    }

    @Bean
    @Order(1)
    @ConditionalOnIdentityProviderPages
    SecurityFilterChain pagesSignedInThroughTheIdentityProvider(HttpSecurity http, IdentityProviderSignIn signIn) throws Exception {
        pages(http, Stream.concat(Stream.of(PAGES), Stream.of(IdentityProviderSignIn.FLOW)).toArray(String[]::new),
                "'self' " + signIn.origin());
        signIn.signIn(http);
        return http.build();
    }

    private static HttpSecurity pages(HttpSecurity http, String[] paths, String formTargets) throws Exception {
        return http
                .securityMatcher(paths)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN).permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(formTargets)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    static String contentSecurityPolicy(String formTargets) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action " + formTargets + "; frame-ancestors 'none'";
    }
}
