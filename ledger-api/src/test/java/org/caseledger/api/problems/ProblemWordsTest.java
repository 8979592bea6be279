package org.caseledger.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.api.access.Refusal;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.ValueProblem;
import org.junit.jupiter.api.Test;

/** The words of every problem exist in Swedish and in English, so that no answer shows a bundle key instead. */
class ProblemWordsTest {

    private final Properties swedish = bundle("/messages.properties");
    private final Properties english = bundle("/messages_en.properties");

    @Test
    void everyProblemTypeRuleAndValueProblemHasItsWordsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            for (String part : List.of("title", "detail", "cause", "action")) {
                keys.add("problem." + type.slug() + "." + part);
            }
        }
        for (LedgerRule rule : LedgerRule.values()) {
            keys.add("problem.rule." + rule.name());
        }
        for (ValueProblem problem : ValueProblem.values()) {
            keys.add("value." + problem.name());
        }
        for (Refusal refusal : Refusal.values()) {
            keys.add("refusal." + refusal.name());
        }
        keys.addAll(List.of("problem.forbidden.because", "problem.rule.detail", "problem.rules.cause", "problem.rules.action", "problem.invalid-value.unnamed"));

        assertThat(keys).allSatisfy(key -> {
            assertThat(swedish.getProperty(key)).as("Swedish " + key).isNotBlank();
            assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
        });
    }

    @Test
    void theProblemWordsOfBothLanguagesHaveTheSameKeys() {
        assertThat(problemKeys(english)).isEqualTo(problemKeys(swedish));
    }

    @Test
    void noTypeSlugIsUsedTwice() {
        assertThat(Set.of(ProblemType.values()).stream().map(ProblemType::slug).distinct()).hasSize(ProblemType.values().length);
    }

    private static Set<String> problemKeys(Properties bundle) {
        return bundle.stringPropertyNames().stream()
                .filter(key -> key.startsWith("problem.") || key.startsWith("value.") || key.startsWith("field.") || key.startsWith("refusal."))
                .collect(Collectors.toSet());
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = ProblemWordsTest.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        return properties;
    }
}
