package org.caseledger.api.wording;

import java.util.List;
import java.util.Locale;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.projections.timeline.Timeline;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.timeline.TimelineWording;
import org.caseledger.projections.wording.EventSentences;
import org.caseledger.projections.wording.Words;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words in the reader's language for what the ledger holds: the bundles, the case timeline and legal bases. Templates
 * reach it as {@code @wording}.
 */
@Component("wording")
public class Wording {

    private final MessageSource messages;
    private final LegalFramework law;

    public Wording(MessageSource messages, LegalFramework law) {
        this.messages = messages;
        this.law = law;
    }

    public Words words(Locale language) {
        return new Words(messages, language);
    }

    /** The case's timeline, worded in the language. */
    public List<TimelineEntry> timeline(List<? extends CaseEvent> eventsInOrder, Locale language) {
        return Timeline.of(eventsInOrder, sentences(language));
    }

    public TimelineWording sentences(Locale language) {
        return new EventSentences(words(language), law);
    }

    /** The legal basis as a lawyer cites it, with what it is about. */
    public String legalBasis(String basisId, Locale language) {
        return basisId == null ? null : sentences(language).legalBasis(LegalBasisId.of(basisId));
    }
}
