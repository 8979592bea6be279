package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.caseledger.api.integrity.BreakKind;
import org.junit.jupiter.api.Test;

/** Every kind of break the verifier can find is worded for the case page in Swedish and in English, each file on its own. */
class IntegrityWordsTest {

    @Test
    void everyKindOfBreakHasItsWordsInBothLanguages() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties words = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(Arrays.stream(BreakKind.values()).map(kind -> "integrity.break." + kind).filter(key -> !words.containsKey(key)))
                    .as("words missing in " + file).isEmpty();
        }
    }
}
