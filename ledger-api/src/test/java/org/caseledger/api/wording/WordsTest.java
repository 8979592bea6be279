package org.caseledger.api.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.projections.wording.Words;
import org.junit.jupiter.api.Test;

class WordsTest {

    private final LegalFramework law = Bundles.law();
    private final Wording wording = new Wording(Bundles.messages(), law);

    @Test
    void everyCodeAPersonMayMeetHasItsWordsInBothLanguages() {
        for (Locale language : List.of(Bundles.SWEDISH, Bundles.ENGLISH)) {
            Words words = wording.words(language);
            for (Class<? extends Enum<?>> kind : Words.wordedCodes()) {
                assertThat(Arrays.stream(kind.getEnumConstants()).map(words::code))
                        .as(kind.getSimpleName() + " in " + language).noneMatch(word -> word.contains("???"));
            }
        }
    }

    @Test
    void aLegalBasisReadsAsALawyerCitesItInSwedishAndInEnglish() {
        assertThat(wording.legalBasis("SFS2025:400-20kap2", Bundles.SWEDISH)).isEqualTo(
                "20 kap. 2 § socialtjänstlagen (2025:400) – Förhandsbedömning – beslut om att inleda eller inte inleda utredning efter orosanmälan");
        assertThat(wording.legalBasis("SFS2001:453-11kap1a", Bundles.SWEDISH)).startsWith("11 kap. 1 a § socialtjänstlagen (2001:453) – ");
        assertThat(wording.legalBasis("SFS2009:400-10kap28", Bundles.SWEDISH)).startsWith("10 kap. 28 § offentlighets- och sekretesslagen (2009:400) – ");
        assertThat(wording.legalBasis("SFS2025:400-20kap2", Bundles.ENGLISH)).isEqualTo(
                "Chapter 20, Section 2 of the Social Services Act (2025:400) – Preliminary assessment – decision whether to open an "
                        + "investigation after a report of concern");
    }

    @Test
    void everyShippedLegalBasisHasTheNameOfItsActAndAnEnglishTitle() {
        for (LegalBasis basis : law.legalBases()) {
            for (Locale language : List.of(Bundles.SWEDISH, Bundles.ENGLISH)) {
                String cited = wording.legalBasis(basis.id().value(), language);
                assertThat(cited).as(basis.id() + " in " + language).doesNotContain(basis.id().value()).doesNotContain("SFS").doesNotContain("???");
            }
            assertThat(wording.legalBasis(basis.id().value(), Bundles.ENGLISH)).as(basis.id() + " has an English title")
                    .doesNotContain(basis.title());
        }
    }

    @Test
    void erasedTextReadsInTheReadersLanguage() {
        assertThat(wording.words(Bundles.SWEDISH).stored("[erased]")).isEqualTo("[raderad]");
        assertThat(wording.words(Bundles.ENGLISH).stored("[erased]")).isEqualTo("[erased]");
        assertThat(wording.words(Bundles.SWEDISH).stored("Som skrivet.")).isEqualTo("Som skrivet.");
    }

    @Test
    void aTimeIsSwedishLocalTimeWithoutItsNanoseconds() {
        Instant winter = Instant.parse("2026-03-24T13:06:59.123456789Z");
        assertThat(Words.minute(winter)).isEqualTo("2026-03-24 14:06");
        assertThat(Words.second(Instant.parse("2026-07-01T10:00:05.5Z"))).isEqualTo("2026-07-01 12:00:05");
    }
}
