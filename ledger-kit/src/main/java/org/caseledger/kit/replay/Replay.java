package org.caseledger.kit.replay;

import java.util.List;
import java.util.Locale;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.moment.CaseAtMoment;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.wording.EventSentences;
import org.caseledger.projections.wording.Words;
import org.caseledger.projections.wording.WordingBundles;
import org.springframework.context.MessageSource;

/**
 * The case of an opened file as it stood at a moment — its view, its timeline in the reader's language and its
 * compliance with each rule — by the ledger's own {@link CaseAtMoment} and {@link EventSentences}, worded by the ledger's
 * bundles with the law the file carries. "Now" is when the file was exported.
 */
public final class Replay {

    /** The ledger's words for its facts, and the kit's own for its headings. */
    static final MessageSource MESSAGES = WordingBundles.messages("kit");

    /** What the kit shows, in the shape the ledger answers it in. */
    public record Answer(CaseView view, List<TimelineEntry> timeline, List<CaseAtMoment.Check> compliance) {
    }

    private Replay() {
    }

    public static Answer at(OpenedCaseFile file, CaseAtMoment moment, Locale language) {
        EventSentences wording = new EventSentences(words(language), file.law());
        return new Answer(moment.view(file.events()), moment.timeline(file.events(), wording), moment.compliance(file.events(), file.exportedAt()));
    }

    public static Words words(Locale language) {
        return new Words(MESSAGES, language);
    }
}
