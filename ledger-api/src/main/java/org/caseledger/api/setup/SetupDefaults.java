package org.caseledger.api.setup;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that differ between the embedded default and a database server, below every configured value: a
 * configuration that sets one of these properties decides. Runs after the configuration files are read, which say
 * whether a server is configured.
 * <p>
 * springdoc's browsable UI (swagger-ui) is on in the embedded default, where a newcomer explores the API on their own
 * machine, and off on a server: the document at {@code /v3/api-docs} is all an integrator needs, and production serves
 * no pages and scripts it does not need (both sit behind sign-in either way).
 */
public class SetupDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ledgerSetupDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Setup setup = Setup.of(environment);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("springdoc.swagger-ui.enabled", Boolean.toString(setup == Setup.EMBEDDED))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
