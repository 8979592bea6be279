package org.caseledger.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word the kit prints of its own is there in Swedish and in English. */
class KitWordsTest {

    @Test
    void givenTheKitsBundlesThenBothLanguagesHaveTheSameWords() throws IOException {
        Properties swedish = bundle("/kit.properties");
        Properties english = bundle("/kit_en.properties");

        assertThat(swedish.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = KitWordsTest.class.getResourceAsStream(name)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
