package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.setup.Setup;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 * <p>
 * The serving process never migrates a server and never holds the schema owner's credentials: the owner migrates in a
 * step of its own ({@code java -jar ledger-api.jar migrate}), and the process refuses to start on a schema that step has
 * not brought to this version, or with rights to change its own history (docs/operations.md, "Setting up on a database server"). Given the owner's
 * credentials at all, it has refused before this ({@code preflight.Preflight}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ServerDatabaseConfiguration.DatabaseConfigured.class)
public class ServerDatabaseConfiguration {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment, DatabaseProperties database) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        DataSources.checkBeforeUse(url, user, password, database.applicationRole(), Setup.SERVER);
        return DataSources.application(url, user, password, database.applicationRole(), "ledger");
    }

    static class DatabaseConfigured implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return Setup.of(context.getEnvironment()) == Setup.SERVER;
        }
    }
}
