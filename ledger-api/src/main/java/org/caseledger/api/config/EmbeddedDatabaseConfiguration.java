package org.caseledger.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is configured, the ledger starts its own
 * PostgreSQL (binaries from Maven Central) and keeps its data in a directory, so a first run uses the real
 * database engine with nothing installed. Production configures a server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

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
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${ledger.database.application-role:ledger_app}") String role) {
        return DataSources.application(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", role, "ledger-embedded");
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        return DataSources.migrations(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "ledger-embedded-migrations");
    }

    static class NoDatabaseConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
