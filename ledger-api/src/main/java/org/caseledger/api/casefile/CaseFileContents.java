package org.caseledger.api.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.timeline.Timeline;
import org.caseledger.projections.timeline.TimelineEntry;

/**
 * Everything the printed case file shows, gathered from one signed case file and the same events read through the
 * event serializer: the readable part (the case, its timeline, its decisions) is decrypted, and an erased person's
 * data reads "[erased]"; the integrity part is the signed file as it is.
 *
 * @param json        the signed case file's bytes, attached to the PDF as they are
 * @param file        the same file as a record: the events' hashes, the checkpoints and the signatures printed
 * @param exportedBy  who asked for the document, e.g. {@code ivo.granskare (auditor, supervision)}
 * @param keyPem      the public key that verifies the checkpoints and the file, in PEM
 * @param fingerprint the SHA-256 fingerprint of that key (of its 32 raw bytes), in hex: what the kit prints
 */
record CaseFileContents(Case theCase, List<TimelineEntry> timeline, List<Decision> decisions, byte[] json, CaseFile file,
                        String exportedBy, String keyPem, String fingerprint) {

    /** The case as it stands at the newest event in the file. */
    record Case(String caseNumber, String caseId, String unit, String origin, String child, String household, String status,
                String assignee, Instant receivedAt, Instant openedAt) {
    }

    /** A decision with what makes it lawful: who made it in which role, the delegation rule, the legal basis. */
    record Decision(long sequenceNumber, LocalDate decisionDate, String kind, String interventionType, String decidedBy,
                    String decidedInRole, String delegationRule, String legalBasisId, String legalBasis, boolean appealable,
                    boolean appealInformationGiven, LocalDate investigationDeadline, String rationale) {
    }

    /**
     * Builds the contents from the signed file and the case's events. The events were read after the file, so there may
     * be more of them; only those the file holds are shown, so the readable part and the evidence describe the same
     * events.
     */
    static CaseFileContents of(byte[] json, CaseFile file, List<CaseEvent> eventsReadAfter,
                               Function<LegalBasisId, Optional<LegalBasis>> law, String exportedBy, String keyPem,
                               String fingerprint) {
        long last = file.events().get(file.events().size() - 1).sequenceNumber();
        List<CaseEvent> events = CaseViewFold.upToSequence(eventsReadAfter, last);
        if (events.size() != file.events().size()) {
            throw new IllegalStateException("the case's events do not match its case file: " + events.size() + " read, "
                    + file.events().size() + " in the file");
        }
        CaseView view = CaseViewFold.fold(events);
        Case theCase = new Case(view.caseNumber, view.caseId, view.unit, words(view.origin), view.child, view.household,
                words(view.status), view.assignee, view.receivedAt, view.openedAt);
        List<Decision> decisions = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            if (events.get(sequence) instanceof DecisionMade decision) {
                decisions.add(decision(sequence, decision, law));
            }
        }
        return new CaseFileContents(theCase, Timeline.of(events, law), List.copyOf(decisions), json, file, exportedBy, keyPem,
                fingerprint);
    }

    private static Decision decision(long sequence, DecisionMade decision, Function<LegalBasisId, Optional<LegalBasis>> law) {
        String basis = law.apply(decision.legalBasis())
                .map(found -> found.act() + " " + found.provision() + " – " + found.title())
                .orElse("not in the law catalogue");
        return new Decision(sequence, decision.decisionDate(), words(decision.kind().name()),
                decision.interventionType() == null ? null : words(decision.interventionType().name()),
                decision.decidedBy().value(), words(decision.decidedInRole().name()), decision.delegationRule().value(),
                decision.legalBasis().value(), basis, decision.appealable(), decision.appealInformationGiven(),
                decision.investigationDeadline(), decision.rationale());
    }

    static String words(String constant) {
        return constant == null ? null : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
