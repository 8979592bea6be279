package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.household.HouseholdEvent;
import org.caseledger.core.person.PersonEvent;
import org.caseledger.core.staff.StaffEvent;
import org.caseledger.projections.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

/**
 * Every kind of case event rendered into the timeline and into the printed case file, in Swedish and in English, and
 * read back as a person reads it: no code, no placeholder, no missing text, no UTC instant, no person by their id.
 * The events are found by scanning the domain, so a new kind of event fails here until it has its words.
 */
class EveryEventInWordsTest {

    private static final CaseFileContents.Person CHILD = new CaseFileContents.Person("Alva Exempel", "20150312-2386", false);
    private static final CaseFileContents.Person MOTHER = new CaseFileContents.Person("Sara Exempel", "19880402-4729", true);

    private final Wording wording = Bundles.wording();
    private final List<CaseEvent> events = CaseFileSamples.everyKindOfEvent("Flyttade hit 2023.");

    @Test
    void theSampleHasEveryKindOfCaseEventAndEveryOtherEventIsAPersonsOutreachAHouseholdsOrTheStaffRegistrys() {
        Set<Class<?>> all = ReadableText.eventTypes();
        Set<Class<?>> caseEvents = all.stream().filter(CaseEvent.class::isAssignableFrom).collect(Collectors.toSet());
        assertThat(events.stream().map(Object::getClass).collect(Collectors.toSet())).as("the sample holds every kind of case event")
                .containsAll(caseEvents);
        assertThat(all).as("an event outside a case is a person's (named in the file's facts), outreach (in no case), a household's "
                        + "(in its own view) or the staff registry's (about no client)")
                .allMatch(type -> CaseEvent.class.isAssignableFrom(type) || PersonEvent.class.isAssignableFrom(type)
                        || OutreachEvent.class.isAssignableFrom(type) || HouseholdEvent.class.isAssignableFrom(type)
                        || StaffEvent.class.isAssignableFrom(type));
        assertThat(caseEvents).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void everyTimelineEntryIsWordedInSwedishAndInEnglishWithNoCodeOrPlaceholder() {
        List<TimelineEntry> swedish = wording.timeline(events, Bundles.SWEDISH);
        List<TimelineEntry> english = wording.timeline(events, Bundles.ENGLISH);

        assertThat(swedish).hasSameSizeAs(events);
        for (int entry = 0; entry < events.size(); entry++) {
            String type = events.get(entry).getClass().getSimpleName();
            assertThat(readable(swedish.get(entry))).as(type + " in Swedish").satisfies(ReadableText::readsAsWords);
            assertThat(readable(english.get(entry))).as(type + " in English").satisfies(ReadableText::readsAsWords);
            assertThat(swedish.get(entry).what()).as(type + " has words of its own in each language").isNotEqualTo(english.get(entry).what());
        }
        assertThat(swedish.get(5).legalBasis()).startsWith("20 kap. 2 § socialtjänstlagen (2025:400) – Förhandsbedömning");
        assertThat(english.get(5).legalBasis()).startsWith("Chapter 20, Section 2 of the Social Services Act (2025:400) – Preliminary");
        assertThat(swedish.get(8).what()).as("a planned time in Swedish local time").isEqualTo("Besök bokat till 2026-03-10 10:00, plats: hemmet");
        assertThat(english.get(14).what()).isEqualTo("Contact: phone, initiated by the family: Mamman ringde.");
    }

    @Test
    void thePrintedCaseFileIsWordedInSwedishByDefaultAndNamesTheChildAndTheHousehold() throws IOException {
        String text = print(Bundles.SWEDISH);

        ReadableText.readsAsWords(text);
        assertThat(text).contains("Sekretess enligt OSL 26 kap. 1 §", "Akt för ärende 2026-00042", "Alva Exempel, 20150312-2386",
                "Sara Exempel, 19880402-4729", "skyddade personuppgifter", "Tidslinje", "Orosanmälan från förskolan: Hungrig på förskolan.",
                "Lagrum: 20 kap. 2 § socialtjänstlagen (2025:400)");
        assertThat(ReadableText.occurrences(text, "Europe/Stockholm")).as("the zone, said once").isEqualTo(1);
        assertThat(text).as("times to the second in Swedish local time").contains("2026-03-02 09:15:30");
    }

    @Test
    void thePrintedCaseFileIsWordedInEnglishOnRequest() throws IOException {
        String text = print(Bundles.ENGLISH);

        ReadableText.readsAsWords(text);
        assertThat(text).contains("Secrecy under OSL 26 kap. 1 §", "Case file 2026-00042", "Alva Exempel, 20150312-2386",
                "Report of concern received from preschool: Hungrig på förskolan.",
                "Legal basis: Chapter 20, Section 2 of the Social Services Act (2025:400)");
        assertThat(ReadableText.occurrences(text, "Europe/Stockholm")).isEqualTo(1);
    }

    @Test
    void anErasedChildIsNamedAsErasedInTheReadersLanguage() throws IOException {
        Words swedish = wording.words(Bundles.SWEDISH);
        CaseFileContents erased = CaseFileSamples.contents(events, wording, swedish,
                new CaseFileContents.Person(swedish.erased(), null, false), List.of());

        String text = ReadableText.textOf(CaseFileSamples.pdf().render(erased));

        assertThat(text).contains("Barn [raderad]").doesNotContain("[erased]");
    }

    @Test
    void everyPageIsNumberedInTheReadersWords() throws IOException {
        assertThat(ReadableText.textInReadingOrder(render(Bundles.SWEDISH))).contains("Sida 1 av ").doesNotContain("Page");
        assertThat(ReadableText.textInReadingOrder(render(Bundles.ENGLISH))).contains("Page 1 of ").doesNotContain("Sida");
    }

    private String print(Locale language) throws IOException {
        return ReadableText.textOf(render(language));
    }

    private byte[] render(Locale language) {
        Words words = wording.words(language);
        return CaseFileSamples.pdf().render(CaseFileSamples.contents(events, wording, words, CHILD, List.of(MOTHER)));
    }

    /** What a person reads of an entry: its sentence and its legal basis. */
    private static String readable(TimelineEntry entry) {
        return entry.what() + " | " + entry.legalBasis();
    }
}
