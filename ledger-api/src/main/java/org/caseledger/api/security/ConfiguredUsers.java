package org.caseledger.api.security;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseledger.api.setup.Setup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The {@code users} mode: logins, bcrypt passwords, roles and units from {@code ledger.security.users}. Absent in
 * the {@code oidc} mode, so that the demo users in the default configuration can neither log in nor stop a
 * production start-up there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
class ConfiguredUsers {

    /** The password every demo user of the embedded default has; it must never guard a real database. */
    static final String DEMO_PASSWORD = "ledger-demo";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(LedgerSecurityProperties properties, PasswordEncoder passwords, Environment environment) {
        boolean serverDatabase = Setup.of(environment) == Setup.SERVER;
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
}
