package org.caseledger.kit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.kit.replay.Replay;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.wording.Words;
import org.junit.jupiter.api.Test;

/** A printed timeline is read against the signed events: what stands in the print passes, one retyped line does not. */
class PrintedTimelineTest {

    private static final Words SWEDISH = Replay.words(Locale.forLanguageTag("sv"));
    private static final Instant OCCURRED = Instant.parse("2026-03-02T08:20:00Z");
    private static final Instant RECORDED = Instant.parse("2026-03-02T08:25:10Z");
    private static final List<TimelineEntry> SIGNED = List.of(
            new TimelineEntry(0, "CaseOpened", "Ärende 2026-00001 öppnades vid enheten vivalla efter en orosanmälan", OCCURRED, RECORDED,
                    "anna.lind", "SOCIAL_SECRETARY", "vivalla", null, null, null, null, null, null),
            new TimelineEntry(1, "JournalNoteRecorded", "Journalanteckning: " + SWEDISH.stored(PersonalData.SEALED), OCCURRED, RECORDED,
                    "anna.lind", "SOCIAL_SECRETARY", "vivalla", null, null, null, null, null, null));
    private static final String PRINTED = """
            # När Vad Vem
            #0 hände 2026-03-02 09:20:00 registrerades 2026-03-02 09:25:10 Ärende öppnat Ärende 2026-00001 öppnades vid
            enheten vivalla efter en orosanmälan anna.lind socialsekreterare, vivalla
            #1 hände 2026-03-02 09:20:00 registrerades 2026-03-02 09:25:10 Journalanteckning Journalanteckning: Träffade
            mamman. anna.lind socialsekreterare, vivalla
            """;

    @Test
    void givenThePrintAsSignedWhenReadAgainstTheEventsThenEveryEntryStands() {
        assertThat(PrintedTimeline.firstDifference(PRINTED, SIGNED, SWEDISH)).isEmpty();
    }

    @Test
    void givenOneLineRetypedWhenReadAgainstTheEventsThenItsEntryIsNamed() {
        String retyped = PRINTED.replace("efter en orosanmälan", "efter en ansökan");

        assertThat(PrintedTimeline.firstDifference(retyped, SIGNED, SWEDISH)).hasValueSatisfying(difference ->
                assertThat(difference).startsWith("entry #0"));
    }

    @Test
    void givenAnEntryLeftOutWhenReadAgainstTheEventsThenItIsNamed() {
        String shortened = PRINTED.substring(0, PRINTED.indexOf("#1"));

        assertThat(PrintedTimeline.firstDifference(shortened, SIGNED, SWEDISH)).hasValueSatisfying(difference ->
                assertThat(difference).startsWith("entry #1"));
    }
}
