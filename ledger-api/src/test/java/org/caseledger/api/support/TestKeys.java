package org.caseledger.api.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.api.privacy.MasterKey;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The key files of every application context the tests start, made where missing before the context starts, as an
 * operator makes them with {@code init-keys}: an application on a database server refuses to start without them
 * (registered for every context in {@code META-INF/spring.factories} of the tests, ahead of the ledger's preflight).
 */
public class TestKeys implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** Before the ledger's own initializers, which refuse a server whose key files are missing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        try {
            Path signing = Path.of(environment.getRequiredProperty("ledger.integrity.signing-key-file"));
            Path master = Path.of(environment.getRequiredProperty("ledger.privacy.master-key-file"));
            // Test classes may start their contexts at the same moment; the files are created new or not at all.
            if (!Files.exists(signing)) {
                createQuietly(() -> SigningKey.create(signing));
            }
            if (!Files.exists(master)) {
                createQuietly(() -> MasterKey.create(master));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not make the tests' key files", e);
        }
    }

    private interface Creation {
        void run() throws Exception;
    }

    private static void createQuietly(Creation creation) throws Exception {
        try {
            creation.run();
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
            // made by another context in the meantime: the same key for all
        }
    }
}
