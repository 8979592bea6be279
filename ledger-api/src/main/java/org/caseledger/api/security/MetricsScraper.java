package org.caseledger.api.security;

import java.util.List;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} on a filter chain of its own, for the monitoring server's login alone, in either security
 * mode. The figures hold no personal data and no case content, but the scraper's password sits in the monitoring
 * server's configuration: a member of staff's login there (even an administrator's, who may rebuild the read models and
 * request erasures) would lend those powers to whoever reads that file, so the scraper gets a login that opens nothing
 * else, and staff logins do not open this (docs/operations.md, "Metrics"). Its failed attempts count in the sign-in
 * throttle like any other ({@code signin}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsScraperProperties.class)
class MetricsScraper {

    static final String PATH = "/actuator/prometheus";
    private static final String ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metricsScraperSecurity(HttpSecurity http, MetricsScraperProperties scraper, Problems problems,
                                               ApplicationEventPublisher events) throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"case-ledger metrics\"");
            problems.write(request, response, ProblemType.AUTHENTICATION_REQUIRED);
        };
        DaoAuthenticationProvider logins = new DaoAuthenticationProvider(username -> login(scraper, username));
        logins.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        ProviderManager authentication = new ProviderManager(List.of(logins));
        authentication.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return http
                .securityMatcher(PATH)
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(ROLE))
                .build();
    }

    private static UserDetails login(MetricsScraperProperties scraper, String username) {
        if (scraper.password() == null || !scraper.username().equals(username)) {
            throw new UsernameNotFoundException("no such scraper");
        }
        return User.withUsername(scraper.username()).password(scraper.password()).roles(ROLE).build();
    }
}
