package org.caseledger.api.support;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded zero-setup default, with no database server configured, for what only it may do, such as generating
 * demo data: its PostgreSQL on a free port with its data in a directory of the test's own under {@code target},
 * emptied first so that a test starts on an empty ledger and earlier runs leave nothing behind but the last.
 */
public final class EmbeddedDefault {

    private EmbeddedDefault() {
    }

    public static void registerIn(DynamicPropertyRegistry registry, String name) {
        Path directory = Path.of("target", "embedded-" + name).toAbsolutePath();
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new IllegalStateException("could not empty " + directory, e);
        }
        // Empty, whatever LEDGER_DB_URL says: no server is configured.
        registry.add("spring.datasource.url", () -> "");
        registry.add("ledger.embedded-database.data-directory", directory::toString);
        registry.add("ledger.embedded-database.port", () -> "0");
    }
}
