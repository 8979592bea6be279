package org.caseledger.verify.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static final StrictJson.Limits STRICT = new StrictJson.Limits(1024, 4, true);

    private static Object parse(String text) throws MalformedJsonException {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8), STRICT);
    }

    @Test
    void readsWhatIsWellFormed() throws MalformedJsonException {
        assertThat(parse(" {\"a\":[1,-2,true,false,null,\"\\u00e9\\n\\ud83d\\ude00\"],\"b\":{}} "))
                .isEqualTo(Map.of("a", List.of(1L, -2L, true, false, StrictJson.NULL, "é\n😀"), "b", Map.of()));
        assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(StrictJson.parse("1.5e3".getBytes(StandardCharsets.UTF_8), new StrictJson.Limits(10, 1, false)))
                .isEqualTo(new JsonNumber("1.5e3"));
    }

    @Test
    void refusesWhatIsNotStrictlyJsonOrExceedsTheLimits() {
        List<String> refused = List.of("", " ", "{", "{\"a\":1,\"a\":2}", "{\"a\":1,}", "[1,]", "01", "-", "1.", "1e", "1.5",
                "9223372036854775808", "-9223372036854775809", "\"\\ud800\"", "\"\\x\"", "\"a\u0001\"", "\"\\u12\"", "[[[[[1]]]]]",
                "{} {}", "nul", "tru", "'a'", "[1 2]", "{\"a\" 1}", "{1:2}", "\"" + "a".repeat(2000) + "\"");
        for (String text : refused) {
            assertThatThrownBy(() -> parse(text)).as(text.length() > 30 ? text.substring(0, 30) : text)
                    .isInstanceOf(MalformedJsonException.class);
        }
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xff, '"'}, STRICT)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void theWriterWritesOneFormThatTheReaderReadsBack() throws MalformedJsonException {
        String value = "a\"b\\c\n\t\u0001é😀/";
        assertThat(JsonWriter.string(value)).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é😀/\"");
        assertThat(parse(JsonWriter.string(value))).isEqualTo(value);
    }
}
