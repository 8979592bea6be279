package org.caseledger.api.config;

import java.util.Map;
import org.caseledger.api.setup.Setup;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logs are JSON lines in Elastic Common Schema (Spring Boot's structured logging) wherever the ledger runs on a database
 * server, as in production, and plain text with the embedded default a developer reads in a terminal (docs/operations.md,
 * "Logs"). The choice is made before logging starts; {@code logging.structured.format.console} set to anything,
 * empty included (plain), overrides it.
 */
public class StructuredLogsOnServers implements EnvironmentPostProcessor {

    static final String FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(FORMAT) && Setup.of(environment) == Setup.SERVER) {
            environment.getPropertySources().addLast(new MapPropertySource("ledger-structured-logs", Map.of(FORMAT, "ecs")));
        }
    }
}
