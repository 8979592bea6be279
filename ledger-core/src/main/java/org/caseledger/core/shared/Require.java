package org.caseledger.core.shared;

import java.util.regex.Pattern;

/** Format checks shared by the value objects and messages; each failure names the field it is about. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + " is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidValueException(field + " must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field + " must not contain control characters");
        }
        return value;
    }

    public static String matching(String value, Pattern pattern, String field, String expected) {
        present(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(field + " must be " + expected);
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
