package org.caseledger.api.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.integrity.IntegrityProperties;
import org.caseledger.api.privacy.PrivacyProperties;
import org.caseledger.api.setup.SecretFiles;
import org.caseledger.api.setup.Setup;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses, before any bean exists, a serving process on a database server whose configuration would weaken the ledger:
 * one given the schema owner's credentials, one asked for demo data, one whose key files are missing. Nothing has
 * connected, listened or written when it refuses. What needs the database (its login, its role, its schema) is checked
 * as the data source is made ({@code config.DataSources}). The embedded default is its own operator and may do all three.
 * Registered for every application context in {@code META-INF/spring.factories}; the operator's commands run without it.
 */
public class Preflight implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /**
     * Checks once every property source is in place (the tests add theirs while the context is prepared) and before any
     * bean is made: as the first of the bean factory's post-processors.
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(beanFactory -> refuseWhatWouldWeakenTheLedger(context.getEnvironment()));
    }

    static void refuseWhatWouldWeakenTheLedger(ConfigurableEnvironment environment) {
        if (Setup.of(environment) != Setup.SERVER) {
            return;
        }
        Binder binder = Binder.get(environment);
        refuseOwnerCredentials(environment, binder.bindOrCreate("ledger.database", DatabaseProperties.class));
        refuseDemoData(binder.bind("ledger.demo-data.events", Long.class).orElse(0L));
        requireKey("signing key", "ledger.integrity.signing-key-file",
                binder.bindOrCreate("ledger.integrity", IntegrityProperties.class).signingKeyFile());
        requireKey("master key", "ledger.privacy.master-key-file", binder.bindOrCreate("ledger.privacy", PrivacyProperties.class).masterKeyFile());
    }

    /** The owner can switch off the append-only triggers: only the migrate step may hold its credentials. */
    private static void refuseOwnerCredentials(ConfigurableEnvironment environment, DatabaseProperties database) {
        boolean flyway = StringUtils.hasText(environment.getProperty("spring.flyway.user"))
                || StringUtils.hasText(environment.getProperty("spring.flyway.password"));
        if (database.ownerUser() != null || database.ownerPassword() != null || flyway) {
            throw new IllegalStateException("the serving process was given the schema owner's credentials ("
                    + (flyway ? "spring.flyway.user/password" : "LEDGER_DB_OWNER_USER/PASSWORD, ledger.database.owner-user/owner-password")
                    + "). Only the migrate step may hold them: the owner can switch off the ledger's append-only triggers. "
                    + "Give them to `java -jar ledger-api.jar migrate` alone (docs/operations.md, \"Setting up on a database server\")");
        }
    }

    /** Fabricated cases with real-looking staff and persons would be sealed and signed into a server's ledger for good. */
    private static void refuseDemoData(long events) {
        if (events > 0) {
            throw new IllegalStateException("ledger.demo-data.events is set while a database server is configured: demo data is "
                    + "generated into the embedded database only, never into a server's ledger, where it would be sealed and "
                    + "signed for good. Start without LEDGER_DB_URL (spring.datasource.url) for the demo");
        }
    }

    private static void requireKey(String what, String property, Path file) {
        if (!Files.exists(file)) {
            throw SecretFiles.missingKey(what, property, file);
        }
    }

    /** After every other initializer: the tests make their key files in one, as an operator runs init-keys first. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
