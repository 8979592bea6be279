package org.caseledger.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.database.LedgerMigrations;
import org.caseledger.api.database.RoleName;
import org.caseledger.api.setup.Setup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is configured, the ledger starts its own
 * PostgreSQL (binaries from Maven Central) and keeps its data in a directory, so a first run uses the real
 * database engine with nothing installed. Here the ledger is its own operator: it holds the embedded cluster's
 * superuser, creates the application role and migrates the schema before its pool exists, and then works as the
 * restricted role like on a server. Production configures a server instead, where each of those is a step of its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String SUPERUSER = "postgres";

    @ConfigurationProperties("ledger.embedded-database")
    public record EmbeddedDatabaseProperties(Path dataDirectory, int port) {

        public EmbeddedDatabaseProperties {
            dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(directory);
        // Stopped by the context, after everything that uses it: its own shutdown hook would stop it while the event
        // processors and the pools still work, and a normal stop would end in errors.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("No database configured: started an embedded PostgreSQL on port {} with its data in {}",
                postgres.getPort(), directory);
        return postgres;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties database) {
        RoleName role = database.applicationRole();
        DataSource superuser = postgres.getPostgresDatabase();
        createRole(superuser, role);
        LedgerMigrations.migrate(superuser, role);
        String url = postgres.getJdbcUrl(SUPERUSER, "postgres");
        DataSources.checkBeforeUse(url, SUPERUSER, "", role, Setup.EMBEDDED);
        return DataSources.application(url, SUPERUSER, "", role, "ledger-embedded");
    }

    /**
     * What the bootstrap SQL does on a server, as far as the embedded cluster needs it: the role the migrations grant to,
     * and the key tables' owner, of which the role is a member.
     */
    private static void createRole(DataSource superuser, RoleName role) {
        RoleName keyOwner = LedgerMigrations.keyOwnerOf(role);
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role.value() + "') THEN "
                    + "CREATE ROLE " + role.value() + " NOLOGIN; END IF; "
                    + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + keyOwner.value() + "') THEN "
                    + "CREATE ROLE " + keyOwner.value() + " NOLOGIN; END IF; END $$");
            statement.execute("GRANT " + keyOwner.value() + " TO " + role.value());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the role " + role + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    static class NoDatabaseConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Setup.of(context.getEnvironment()) == Setup.EMBEDDED;
        }
    }
}
