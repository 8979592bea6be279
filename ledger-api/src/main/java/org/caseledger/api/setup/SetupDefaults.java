package org.caseledger.api.setup;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

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
    private static final String SWAGGER_UI = "springdoc.swagger-ui.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Defaults(environment));
    }

    /**
     * Decides when asked, not when added: property sources added after this one (the tests' own, while the context is
     * prepared) may still name the database. Its source is not the environment itself, which Spring Boot's binder would
     * take for one to descend into, and come back to this source, without end.
     */
    private static final class Defaults extends PropertySource<Object> {

        private final ConfigurableEnvironment environment;

        Defaults(ConfigurableEnvironment environment) {
            super(SOURCE);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return SWAGGER_UI.equals(name) ? Boolean.toString(Setup.of(environment) == Setup.EMBEDDED) : null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
