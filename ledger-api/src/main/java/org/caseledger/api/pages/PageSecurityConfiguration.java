package org.caseledger.api.pages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages sign staff in with a form and keep them signed in with a session cookie, unlike the stateless API;
 * forms carry CSRF tokens. The cookie is Secure, HttpOnly and SameSite=Lax ({@code server.servlet.session.cookie} in
 * application.yml), and behind a TLS proxy the pages send HSTS (README, "Production", TLS). The content security
 * policy allows scripts and styles from the ledger itself only, so even text that slipped past escaping could not
 * run. A sign-in posted while the account or the address is locked never reaches the password check: the sign-in
 * guard (package {@code signin}) sends it back to the sign-in page. In identity-provider mode the pages are not
 * offered: signing in to them would need the provider's browser flow, which is not built yet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
class PageSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/", "/ui", "/ui/**", "/login", "/logout", "/webjars/**", "/css/**", "/js/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/ui", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
