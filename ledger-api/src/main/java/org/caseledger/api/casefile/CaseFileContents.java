package org.caseledger.api.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.timeline.TimelineEntry;

/**
 * Everything the printed case file shows, gathered from one signed case file and the same events read through the
 * event serializer, worded in the reader's language: the readable part (the case, its persons, its timeline, its
 * decisions) is decrypted, and an erased person's data reads as erased; the integrity part is the signed file as it is.
 *
 * @param words       the bundles in the reader's language, for the document's own words
 * @param json        the signed case file's bytes, attached to the PDF as they are
 * @param file        the same file as a record: the events' hashes, the checkpoints and the signatures printed
 * @param exportedBy  who asked for the document, e.g. {@code ivo.granskare (granskare, tillsyn)}
 * @param keyPem      the public key that verifies the checkpoints, the file and the PDF's signature, in PEM
 * @param fingerprint the SHA-256 fingerprint of that key (of its 32 raw bytes), in hex: what the kit prints
 */
record CaseFileContents(Words words, Case theCase, List<TimelineEntry> timeline, List<Decision> decisions, byte[] json, CaseFile file,
                        String exportedBy, String keyPem, String fingerprint) {

    /** The case as it stands at the newest event in the file, its codes worded. */
    record Case(String caseNumber, String caseId, String unit, String origin, Person child, List<Person> household, String status,
                String assignee, Instant receivedAt, Instant openedAt) {
    }

    /**
     * A person as the file names them: their name and their identity number (or reserve number), or the word for
     * erased once their key is destroyed.
     *
     * @param number            the identity number, the reserve number in words, or a word saying there is none
     * @param protectedIdentity the person has a protected identity (skyddade personuppgifter)
     */
    record Person(String name, String number, boolean protectedIdentity) {
    }

    /** A decision with what makes it lawful, in words: who made it in which role, the delegation rule, the legal basis. */
    record Decision(long sequenceNumber, LocalDate decisionDate, String kind, String interventionType, String decidedBy,
                    String decidedInRole, String delegationRule, String legalBasis, boolean appealable,
                    boolean appealInformationGiven, LocalDate investigationDeadline, String rationale) {
    }

    /**
     * Builds the contents from the signed file and the case's events. The events were read after the file, so there may
     * be more of them; only those the file holds are shown, so the readable part and the evidence describe the same
     * events.
     */
    static CaseFileContents of(byte[] json, CaseFile file, List<CaseEvent> eventsReadAfter, Wording wording, Words words,
                               Person child, List<Person> household, String exportedBy, String keyPem, String fingerprint) {
        long last = file.events().get(file.events().size() - 1).sequenceNumber();
        List<CaseEvent> events = CaseViewFold.upToSequence(eventsReadAfter, last);
        if (events.size() != file.events().size()) {
            throw new IllegalStateException("the case's events do not match its case file: " + events.size() + " read, "
                    + file.events().size() + " in the file");
        }
        CaseView view = CaseViewFold.fold(events);
        Case theCase = new Case(view.caseNumber, view.caseId, view.unit, words.code("case.origin.", view.origin), child, household,
                words.code("cases.status.", view.status), view.assignee, view.receivedAt, view.openedAt);
        List<Decision> decisions = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            if (events.get(sequence) instanceof DecisionMade decision) {
                decisions.add(decision(sequence, decision, wording, words));
            }
        }
        return new CaseFileContents(words, theCase, wording.timeline(events, words.language()), List.copyOf(decisions), json, file,
                exportedBy, keyPem, fingerprint);
    }

    private static Decision decision(long sequence, DecisionMade decision, Wording wording, Words words) {
        return new Decision(sequence, decision.decisionDate(), words.code(decision.kind()), words.code(decision.interventionType()),
                decision.decidedBy().value(), words.code(decision.decidedInRole()), decision.delegationRule().value(),
                wording.legalBasis(decision.legalBasis().value(), words.language()), decision.appealable(),
                decision.appealInformationGiven(), decision.investigationDeadline(),
                decision.rationale() == null ? null : words.stored(decision.rationale()));
    }
}
