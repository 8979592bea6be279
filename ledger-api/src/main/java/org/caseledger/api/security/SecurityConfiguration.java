package org.caseledger.api.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseledger.api.web.Problems;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.StringUtils;

/**
 * HTTP Basic with users, roles and units from configuration, stateless. Reads of cases are for case workers,
 * leaders and auditors; writes for case workers and leaders; auditors never write.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.UserProperties.class)
public class SecurityConfiguration {

    private static final String[] CASE_WORKERS = {role(Role.SOCIAL_SECRETARY), role(Role.GROUP_LEADER), role(Role.UNIT_HEAD)};
    private static final String[] CASE_READERS = {role(Role.SOCIAL_SECRETARY), role(Role.GROUP_LEADER), role(Role.UNIT_HEAD), role(Role.AUDITOR)};

    /** The password every demo user of the embedded default has; it must never guard a real database. */
    static final String DEMO_PASSWORD = "ledger-demo";

    /**
     * @param users           the logins, with roles and units
     * @param allowDemoUsers  lets users with the demo password log in to a configured database server (test servers only)
     */
    @ConfigurationProperties("ledger.security")
    public record UserProperties(List<ConfiguredUser> users, boolean allowDemoUsers) {

        public UserProperties {
            users = users == null ? List.of() : users;
        }
    }

    /** One configured login; the password is stored encoded, e.g. {@code {bcrypt}$2a$10$...}. */
    public record ConfiguredUser(String username, String password, StaffId staffId, Role role, UnitId unit) {
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserProperties properties, PasswordEncoder passwords, Environment environment) {
        boolean serverDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        if (serverDatabase && !properties.allowDemoUsers()) {
            properties.users().stream().filter(user -> passwords.matches(DEMO_PASSWORD, user.password())).findFirst().ifPresent(user -> {
                throw new IllegalStateException("user " + user.username() + " has the demo password while a database server is "
                        + "configured: replace ledger.security.users (or set ledger.security.allow-demo-users=true on a test server)");
            });
        }
        Map<String, StaffUser> users = properties.users().stream()
                .map(user -> new StaffUser(user.username(), user.password(), user.staffId(), user.role(), user.unit()))
                .collect(Collectors.toUnmodifiableMap(StaffUser::username, Function.identity()));
        return username -> {
            StaffUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return user;
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Problems problems) throws Exception {
        // One answer for a missing login and a failed one: Basic authentication's own entry point would send the
        // failed login to the servlet error page instead.
        AuthenticationEntryPoint logIn = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"case-ledger\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with a user name and password to use the ledger.");
        };
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(logIn))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(logIn)
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "Not allowed", "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + ".")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/audit/public-key").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/audit/access-log/**").hasRole(role(Role.AUDITOR))
                        // A request naming a case is decided, and logged, by the case access guard, refusals included.
                        .requestMatchers("/api/cases/*", "/api/cases/*/**", "/api/audit/cases/*/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(role(Role.AUDITOR), role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.POST, "/api/audit/checkpoints").hasAnyRole(role(Role.ADMINISTRATOR), role(Role.UNIT_HEAD))
                        .requestMatchers("/api/admin/**").hasRole(role(Role.ADMINISTRATOR))
                        .requestMatchers(HttpMethod.GET, "/api/persons/*/extract").hasAnyRole(role(Role.UNIT_HEAD), role(Role.AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/retention/due").hasAnyRole(role(Role.UNIT_HEAD), role(Role.AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/retention/run").hasRole(role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.POST, "/api/persons/*/erasure").hasAnyRole(role(Role.ADMINISTRATOR), role(Role.UNIT_HEAD))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(CASE_WORKERS)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * A request the firewall refuses (an encoded slash or dot in the path, a control character in a header) is
     * answered as a problem here; the default handler would send it through the servlet error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, e) -> problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", "the address or a header of the request contains characters that are not allowed"));
    }

    private static String role(Role role) {
        return role.name();
    }
}
