package org.caseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The patterns the API's document gives to texts say exactly what {@link Require#text} and {@link Require#optionalText}
 * accept, character by character: a client that checks a text against the document is never refused for it, and never
 * sends one that the ledger refuses. JSON Schema searches a pattern (it is not implicitly anchored), so the patterns are
 * tried with {@code find}.
 */
class RequireTest {

    private static final Pattern TEXT = Pattern.compile(Require.TEXT_PATTERN);
    private static final Pattern OPTIONAL_TEXT = Pattern.compile(Require.OPTIONAL_TEXT_PATTERN);

    @Test
    void givenEveryCharacterAloneAndAmongOthersThenThePatternsAcceptWhatTheChecksAccept() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String character = Character.toString(codePoint);
            for (String value : List.of(character, character + character, "a" + character, character + "a", " " + character + "\n")) {
                boolean text = accepted(() -> Require.text(value, "text", 10));
                if (text != TEXT.matcher(value).find()) {
                    disagreements.add("text U+%04X in \"%s\": the check %s".formatted(codePoint, value, text ? "accepts" : "refuses"));
                }
                boolean optional = accepted(() -> Require.optionalText(value, "text", 10));
                if (optional != OPTIONAL_TEXT.matcher(value).find()) {
                    disagreements.add("optional text U+%04X: the check %s".formatted(codePoint, optional ? "accepts" : "refuses"));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void givenTheEmptyTextThenOnlyTheOptionalPatternAcceptsIt() {
        assertThat(accepted(() -> Require.text("", "text", 10))).isFalse();
        assertThat(TEXT.matcher("").find()).isFalse();
        assertThat(accepted(() -> Require.optionalText("", "text", 10))).isTrue();
        assertThat(OPTIONAL_TEXT.matcher("").find()).isTrue();
    }

    @Test
    void givenCharactersOutsideTheBasicPlaneThenEachCountsOnceAsJsonSchemaCountsThem() {
        String twenty = "\uD83D\uDE00".repeat(20);

        assertThat(Require.text(twenty, "text", 20)).isEqualTo(twenty);
        assertThatThrownBy(() -> Require.text(twenty + "a", "text", 20))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> assertThat(refused.problem()).isEqualTo(ValueProblem.TOO_LONG));
    }

    private static boolean accepted(Runnable check) {
        try {
            check.run();
            return true;
        } catch (InvalidValueException refused) {
            return false;
        }
    }
}
