package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(environment.getRequiredProperty("spring.datasource.url"))
                .username(environment.getProperty("spring.datasource.username"))
                .password(environment.getProperty("spring.datasource.password"))
                .build();
    }

    static class DatabaseConfigured extends EmbeddedDatabaseConfiguration.NoDatabaseConfigured {

        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
