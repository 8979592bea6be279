package org.caseledger.core.shared;

import java.util.regex.Pattern;

/** Format checks shared by the value objects and messages; each failure names the field it is about. */
public final class Require {

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
        if (value.length() > maxLength) {
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
