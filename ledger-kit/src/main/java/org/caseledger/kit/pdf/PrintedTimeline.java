package org.caseledger.kit.pdf;

import java.util.List;
import java.util.Optional;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.wording.Words;

/**
 * Whether the timeline printed in a case file says what its signed events say: each entry of the timeline the kit
 * replays from the attached file must stand in the printed text, in order, with its number, both times to the second,
 * who recorded it, and its sentence as far as the sentence can be known without the personal data (the attached file
 * is for anyone, so its personal fields are sealed, and it carries no law catalogue). Whitespace is ignored: the PDF
 * breaks lines where the page ends.
 */
public final class PrintedTimeline {

    private PrintedTimeline() {
    }

    /** The first entry the printed text does not bear out, described; empty when every entry stands in it. */
    public static Optional<String> firstDifference(String printedText, List<TimelineEntry> replayed, Words words) {
        String printed = squeeze(printedText);
        int at = 0;
        for (TimelineEntry entry : replayed) {
            for (String part : List.of("#" + entry.sequenceNumber(), Words.second(entry.occurredAt()), Words.second(entry.recordedAt()),
                    knowable(entry.what(), words), entry.actor())) {
                int found = printed.indexOf(squeeze(part), at);
                if (found < 0) {
                    return Optional.of("entry #" + entry.sequenceNumber() + " does not read \"" + part + "\" where the signed events put it");
                }
                at = found + squeeze(part).length();
            }
        }
        return Optional.empty();
    }

    /** The sentence up to the first thing a reader without the key or the law catalogue cannot know. */
    private static String knowable(String what, Words words) {
        int end = what.length();
        String notInCatalogue = words.text("law.notInCatalogue", "\u0000");
        for (String unknown : List.of(words.stored(PersonalData.SEALED), words.erased(),
                notInCatalogue.substring(0, notInCatalogue.indexOf('\u0000')))) {
            int position = what.indexOf(unknown);
            if (position >= 0 && position < end) {
                end = position;
            }
        }
        return what.substring(0, end);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
