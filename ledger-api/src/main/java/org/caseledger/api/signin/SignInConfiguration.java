package org.caseledger.api.signin;

import java.time.Clock;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.problems.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The throttle exists where staff sign in with passwords, the {@code users} mode; an identity provider's tokens carry
 * no password to guess. Spring Security applies a {@code Customizer<HttpSecurity>} bean to every filter chain, so the
 * guard stands in front of HTTP Basic on the API and of the form on the pages without the security configuration
 * knowing this package: it runs before the form's filter, which comes before Basic authentication.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
class SignInConfiguration {

    @Bean
    SignInThrottle signInThrottle(SignInProperties properties, Clock clock) {
        return new SignInThrottle(properties, clock);
    }

    @Bean
    SignInOutcomes signInOutcomes(SignInThrottle throttle) {
        return new SignInOutcomes(throttle);
    }

    @Bean
    Customizer<HttpSecurity> signInGuard(SignInThrottle throttle, AccessLog accessLog, Problems problems) {
        return http -> http.addFilterBefore(new SignInGuard(throttle, accessLog, problems), UsernamePasswordAuthenticationFilter.class);
    }
}
