package org.caseledger.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.caseledger.core.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityNumberTest {

    @Test
    void acceptsAValidNumberAndKeepsItsCanonicalForm() {
        PersonalIdentityNumber number = PersonalIdentityNumber.of("19121212-1212");

        assertThat(number.value()).isEqualTo("19121212-1212");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
        assertThat(number.isCoordinationNumber()).isFalse();
    }

    @Test
    void acceptsANumberOfThisCentury() {
        PersonalIdentityNumber number = PersonalIdentityNumber.of("20100101-2382");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2010, 1, 1));
    }

    @Test
    void acceptsALeapDay() {
        assertThat(PersonalIdentityNumber.of("20000229-1235").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"191212121212", " 19121212-1212 "})
    void writesTheCanonicalFormWithADash(String input) {
        assertThat(PersonalIdentityNumber.of(input).value()).isEqualTo("19121212-1212");
    }

    @Test
    void equalNumbersInDifferentSpellingsAreEqual() {
        assertThat(PersonalIdentityNumber.of("191212121212")).isEqualTo(PersonalIdentityNumber.of("19121212-1212"));
    }

    @Test
    void recognisesACoordinationNumberAndItsBirthDate() {
        PersonalIdentityNumber number = PersonalIdentityNumber.of("19121272-1219");

        assertThat(number.isCoordinationNumber()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
        assertThat(number.value()).isEqualTo("19121272-1219");
    }

    @Test
    void acceptsACoordinationNumberOnTheLastDayOfALongMonth() {
        PersonalIdentityNumber number = PersonalIdentityNumber.of("19860391-1234");

        assertThat(number.isCoordinationNumber()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1986, 3, 31));
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThatThrownBy(() -> PersonalIdentityNumber.of("19121212-1213"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digit");
    }

    @Test
    void aNumberMadeFromADayOfBirthAndASerialCarriesItsCheckDigit() {
        assertThat(PersonalIdentityNumber.of(LocalDate.of(2015, 3, 12), 238).value()).isEqualTo("20150312-2382");
        assertThat(PersonalIdentityNumber.of(LocalDate.of(1912, 12, 12), 121).value()).isEqualTo("19121212-1212");
        assertThat(PersonalIdentityNumber.of(LocalDate.of(2008, 1, 1), 0).value()).hasSize(13);
        assertThatThrownBy(() -> PersonalIdentityNumber.of(LocalDate.of(2015, 3, 12), 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Each of these has a correct check digit, so only the date check can reject it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "20230230-1235", // 30 February
            "19000229-1235", // 1900 was no leap year
            "20121301-1230", // month 13
            "20120100-1235", // day 0
            "20120160-1232", // day 60 is neither a day nor a coordination day
            "19860392-1233"  // coordination number for 32 March
    })
    void rejectsAnImpossibleDateOfBirth(String input) {
        assertThatThrownBy(() -> PersonalIdentityNumber.of(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("date of birth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"121212-1212", "1212121212", "121212+1212"})
    void rejectsTheTenDigitFormBecauseTheCenturyWouldBeAGuess(String input) {
        assertThatThrownBy(() -> PersonalIdentityNumber.of(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("YYYYMMDD-NNNN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "19121212-121", "19121212-12120", "1912121a-1212", "19121212 1212", "19121212--1212"})
    void rejectsMalformedInput(String input) {
        assertThatThrownBy(() -> PersonalIdentityNumber.of(input)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PersonalIdentityNumber.of(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("identityNumber");
    }

    @Test
    void masksTheSerialAndCheckDigitWhenPrinted() {
        PersonalIdentityNumber number = PersonalIdentityNumber.of("19121212-1212");

        assertThat(number.toString()).isEqualTo("19121212-****");
        assertThat(number.toString()).doesNotContain(number.value());
    }
}
