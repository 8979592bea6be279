package org.caseledger.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/**
 * A Swedish personal identity number (personnummer) or coordination number (samordningsnummer, the day
 * of birth plus 60), in the canonical twelve-digit form {@code YYYYMMDD-NNNC}. The last digit is checked
 * with the Luhn algorithm over the ten digits from the year's last two onwards. Only the twelve-digit
 * form is accepted: a ten-digit number leaves the century to be guessed, and a wrong guess in a case
 * file about a child is worse than a rejected request.
 */
public record PersonalIdentityNumber(@JsonValue String value) {

    /** The form a value must have; public because the API's OpenAPI document states it. */
    public static final Pattern FORMAT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})[-+]?(\\d{3})(\\d)$");
    private static final int COORDINATION_DAY_OFFSET = 60;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonalIdentityNumber {
        Require.present(value, "identityNumber");
        Matcher parts = FORMAT.matcher(value.strip());
        if (!parts.matches()) {
            throw new InvalidValueException("identityNumber", ValueProblem.IDENTITY_NUMBER_FORMAT,
                    "identityNumber must have the form YYYYMMDD-NNNN");
        }
        String year = parts.group(1);
        String month = parts.group(2);
        String day = parts.group(3);
        String serial = parts.group(4);
        int checkDigit = Integer.parseInt(parts.group(5));
        birthDateOf(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        if (luhnCheckDigit(year.substring(2) + month + day + serial) != checkDigit) {
            throw new InvalidValueException("identityNumber", ValueProblem.IDENTITY_NUMBER_CHECK_DIGIT,
                    "identityNumber has a wrong check digit");
        }
        value = year + month + day + "-" + serial + checkDigit;
    }

    public static PersonalIdentityNumber of(String value) {
        return new PersonalIdentityNumber(value);
    }

    /** The number of a person born on this day with this birth serial (0–999), its check digit computed: for made-up persons. */
    public static PersonalIdentityNumber of(LocalDate birthDate, int serial) {
        if (serial < 0 || serial > 999) {
            throw new IllegalArgumentException("a birth serial has three digits: " + serial);
        }
        String nine = String.format("%02d%02d%02d%03d", birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(),
                serial);
        return of(birthDate.getYear() / 100 + nine.substring(0, 6) + "-" + nine.substring(6) + luhnCheckDigit(nine));
    }

    public boolean isCoordinationNumber() {
        return dayField() > COORDINATION_DAY_OFFSET;
    }

    /**
     * A fact about the person, such as their registration or a correction of their number, cannot have happened
     * before the day they were born (in Swedish time), the day the number itself names.
     */
    public void requireBornBy(Instant occurredAt) {
        DaysOfBirth.requireBornBy(birthDate(), occurredAt, "occurredAt");
    }

    public LocalDate birthDate() {
        return birthDateOf(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)), dayField());
    }

    private int dayField() {
        return Integer.parseInt(value.substring(6, 8));
    }

    private static LocalDate birthDateOf(int year, int month, int dayField) {
        int day = dayField > COORDINATION_DAY_OFFSET ? dayField - COORDINATION_DAY_OFFSET : dayField;
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidValueException("identityNumber", ValueProblem.IDENTITY_NUMBER_DATE,
                    "identityNumber does not contain a valid date of birth");
        }
    }

    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int digit = nineDigits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return (10 - sum % 10) % 10;
    }

    /** Masked, so that an identity number never reaches a log line by accident. */
    @Override
    public String toString() {
        return value.substring(0, 8) + "-****";
    }
}
