package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.integrity.IntegrityProperties;
import org.caseledger.api.privacy.PrivacyProperties;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The example configurations of docs/examples bind as the ledger binds its configuration, so that an operator who starts
 * from one starts from something the ledger accepts; and the users example lets no one in with a password anyone knows.
 */
class ExampleConfigurationTest {

    @Test
    void theUsersExampleNamesEveryRoleWithPasswordsHashedForTheDelegatingEncoder() throws IOException {
        Binder example = example("users.yml");

        LedgerSecurityProperties security = example.bindOrCreate("ledger.security", LedgerSecurityProperties.class);

        assertThat(security.mode()).isEqualTo(LedgerSecurityProperties.Mode.USERS);
        assertThat(security.users()).extracting(LedgerSecurityProperties.ConfiguredUser::role).contains(Role.values());
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        for (LedgerSecurityProperties.ConfiguredUser user : security.users()) {
            assertThat(user.password()).as(user.username()).startsWith("{bcrypt}$2a$10$");
            assertThat(encoder.matches(ConfiguredUsers.DEMO_PASSWORD, user.password())).as(user.username()).isFalse();
        }
        assertKeysAndRoleOfTheirOwn(example);
    }

    @Test
    void theOidcExampleNamesTheIssuerTheAudienceThePagesClientAndMapsEveryRole() throws IOException {
        Binder example = example("oidc.yml");

        LedgerSecurityProperties security = example.bindOrCreate("ledger.security", LedgerSecurityProperties.class);

        assertThat(security.mode()).isEqualTo(LedgerSecurityProperties.Mode.OIDC);
        assertThat(security.oidc().roleMapping().values()).contains(Role.values());
        assertThat(security.oidc().pages().clientId()).isEqualTo("case-ledger");
        assertThat(example.bind("spring.security.oauth2.resourceserver.jwt.issuer-uri", String.class).get()).startsWith("https://");
        assertThat(example.bind("spring.security.oauth2.resourceserver.jwt.audiences", String.class).get()).isEqualTo("case-ledger");
        assertKeysAndRoleOfTheirOwn(example);
    }

    private static void assertKeysAndRoleOfTheirOwn(Binder example) {
        MetricsScraperProperties scraper = example.bindOrCreate("ledger.security.metrics-scraper", MetricsScraperProperties.class);
        assertThat(scraper.password()).as("the scraper's password").startsWith("{bcrypt}$2a$10$");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(ConfiguredUsers.DEMO_PASSWORD, scraper.password())).isFalse();
        assertThat(example.bindOrCreate("ledger.database", DatabaseProperties.class).applicationRole().value()).isNotEqualTo("ledger_app");
        assertThat(example.bindOrCreate("ledger.database", DatabaseProperties.class).ownerPassword()).isNull();
        assertThat(example.bindOrCreate("ledger.integrity", IntegrityProperties.class).signingKeyFile()).isAbsolute();
        assertThat(example.bindOrCreate("ledger.privacy", PrivacyProperties.class).masterKeyFile()).isAbsolute();
    }

    private static Binder example(String name) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load(name, new FileSystemResource(Path.of("..", "docs", "examples", name)))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment);
    }
}
