package org.caseledger.api.wording;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.caseledger.api.config.LawConfiguration.LawProperties;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.projections.wording.WordingBundles;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped words and law, as the application reads them, for tests that render without starting it. */
public final class Bundles {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Bundles() {
    }

    /** The message bundles as the application configures them: UTF-8, and no falling back to the machine's language. */
    public static org.springframework.context.support.ResourceBundleMessageSource messages() {
        return WordingBundles.messages("messages");
    }

    /** The law catalogue and delegation order shipped in application.yml. */
    public static LegalFramework law() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            StandardEnvironment environment = new StandardEnvironment();
            yaml.forEach(environment.getPropertySources()::addLast);
            LawProperties law = new Binder(ConfigurationPropertySources.get(environment)).bind("ledger.law", LawProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yml has no ledger.law"));
            return new LegalFramework(law.legalBases(), law.delegationRules());
        } catch (IOException e) {
            throw new IllegalStateException("application.yml cannot be read", e);
        }
    }

    public static Wording wording() {
        return new Wording(messages(), law());
    }
}
