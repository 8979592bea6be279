package org.caseledger.core.shared;

import java.util.regex.Pattern;

/** Format checks shared by the value objects and messages; each failure names the field it is about. */
public final class Require {

    /**
     * What {@link #text} accepts, as a regular expression that reads the same in Java and in ECMAScript (JSON Schema):
     * some character that is not white space ({@link String#isBlank()}), and no control character but tab, line feed and
     * carriage return. It has no {@code $}: Java's matches before a last line terminator (U+0085 among them), ECMAScript's
     * does not. The API's OpenAPI document gives it to every text a request must carry.
     */
    public static final String TEXT_PATTERN = "^(?=[\\s\\S]*[^\\t\\n\\r \\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000])"
            + "(?![\\s\\S]*[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f])";

    /** What {@link #optionalText} accepts, in the same form: no control character but tab, line feed and carriage return. */
    public static final String OPTIONAL_TEXT_PATTERN = "^(?![\\s\\S]*[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f])";

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, ValueProblem.REQUIRED, field + " is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidValueException(field, ValueProblem.BLANK, field + " must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        // characters as JSON Schema's maxLength counts them: an emoji is one, not two UTF-16 units
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValueException(field, ValueProblem.TOO_LONG, field + " must be at most " + maxLength + " characters",
                    maxLength);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field, ValueProblem.CONTROL_CHARACTERS, field + " must not contain control characters");
        }
        return value;
    }

    public static String matching(String value, Pattern pattern, String field, ValueProblem problem, String expected) {
        present(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(field, problem, field + " must be " + expected);
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, ValueProblem.OUT_OF_RANGE, field + " must be between " + min + " and " + max, min, max);
        }
        return value;
    }
}
