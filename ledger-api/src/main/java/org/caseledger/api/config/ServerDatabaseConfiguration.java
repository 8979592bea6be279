package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The configured PostgreSQL server. The data source is declared here rather than left to Spring Boot because
 * Axon 4's JDBC auto-configuration orders itself after Spring Boot 3's data source auto-configuration class,
 * which Spring Boot 4 renamed: left to Boot, the data source would appear too late and Axon would silently
 * configure no event store at all.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ServerDatabaseConfiguration.DatabaseConfigured.class)
public class ServerDatabaseConfiguration {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment) {
        return DataSources.application(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"),
                environment.getProperty("ledger.database.application-role", "ledger_app"), "ledger");
    }

    /** Migrations run as the schema owner: {@code spring.flyway.user}, else the data source's user. */
    @Bean
    @FlywayDataSource
    HikariDataSource migrationDataSource(Environment environment) {
        String user = environment.getProperty("spring.flyway.user", environment.getProperty("spring.datasource.username"));
        String password = environment.getProperty("spring.flyway.password", environment.getProperty("spring.datasource.password"));
        return DataSources.migrations(environment.getRequiredProperty("spring.datasource.url"), user, password, "ledger-migrations");
    }

    static class DatabaseConfigured extends EmbeddedDatabaseConfiguration.NoDatabaseConfigured {

        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
