package org.caseledger.api.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SetupDefaultsTest {

    @Test
    void theEmbeddedDefaultServesTheBrowsableUi() {
        assertThat(swaggerUiWith(Map.of())).isEqualTo("true");
    }

    @Test
    void aDatabaseServerServesNoBrowsableUiUnlessConfiguredTo() {
        assertThat(swaggerUiWith(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/ledger"))).isEqualTo("false");
        assertThat(swaggerUiWith(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/ledger", "springdoc.swagger-ui.enabled", "true")))
                .isEqualTo("true");
    }

    @Test
    void aDatabaseNamedByASourceAddedLaterCountsAsTheTestsAddTheirs() {
        StandardEnvironment environment = environment(Map.of());
        new SetupDefaults().postProcessEnvironment(environment, null);

        environment.getPropertySources().addFirst(new MapPropertySource("later", Map.of("spring.datasource.url", "jdbc:postgresql://db/ledger")));

        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @Test
    void springBootsBinderReadsTheDefaultsAndComesToAnEnd() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/ledger"));
        new SetupDefaults().postProcessEnvironment(environment, null);

        assertThat(Binder.get(environment).bind("springdoc.swagger-ui.enabled", Boolean.class).get()).isFalse();
    }

    @Test
    void aConfiguredUrlThatIsEmptyIsTheEmbeddedDefault() {
        assertThat(Setup.of(environment(Map.of("spring.datasource.url", "")))).isEqualTo(Setup.EMBEDDED);
        assertThat(Setup.of(environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/ledger")))).isEqualTo(Setup.SERVER);
    }

    private static String swaggerUiWith(Map<String, Object> configured) {
        StandardEnvironment environment = environment(configured);
        new SetupDefaults().postProcessEnvironment(environment, null);
        return environment.getProperty("springdoc.swagger-ui.enabled");
    }

    private static StandardEnvironment environment(Map<String, Object> configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
        return environment;
    }
}
