package org.caseledger.kit.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.moment.CaseAtMoment;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.wording.EventSentences;
import org.caseledger.projections.wording.Words;

/**
 * The replay as a person reads it, in Swedish by default: the moment, the case as it stood, the timeline (both times in
 * Swedish time, who in which role and unit, legal bases as a lawyer cites them, corrections beside what they correct)
 * and compliance with each rule. Printed as text, or as a page of HTML.
 */
public final class ReplayPage {

    /** A heading and its lines. */
    public record Section(String heading, List<String> lines) {
    }

    private ReplayPage() {
    }

    public static List<Section> of(OpenedCaseFile file, CaseAtMoment moment, Replay.Answer answer, String verification, Locale language) {
        Words words = Replay.words(language);
        EventSentences law = new EventSentences(words, file.law());
        CaseView view = answer.view();
        List<Section> sections = new ArrayList<>();

        List<String> about = new ArrayList<>();
        about.add(words.text("kit.verified", verification));
        about.add(file.recipientName() == null ? words.text("kit.exportedForAnyone", Words.minute(file.exportedAt()))
                : words.text("kit.exportedFor", Words.minute(file.exportedAt()), file.recipientName()));
        about.add(moment.asOf() != null ? words.text("kit.moment.asOf", Words.second(moment.asOf()))
                : moment.asOfEvent() != null ? words.text("kit.moment.event", String.valueOf(moment.asOfEvent()), String.valueOf(file.events().size() - 1))
                : words.text("kit.moment.now", Words.minute(file.exportedAt())));
        if (file.readability() == OpenedCaseFile.Readability.SEALED) {
            about.add(words.text("kit.sealed"));
        }
        if (file.erasedKeys() > 0) {
            about.add(words.text("kit.erasedKeys", String.valueOf(file.erasedKeys())));
        }
        sections.add(new Section(words.text("kit.title", view.caseNumber == null ? file.caseId() : view.caseNumber), about));

        List<String> state = new ArrayList<>();
        state.add(words.text("kit.case.facts", words.text("kit.status." + view.status), view.unit, orNone(words, view.assignee), view.child,
                orNone(words, view.household)));
        for (OpenedCaseFile.Person person : file.persons()) {
            state.add(words.text(person.personId().equals(view.child) ? "kit.case.child" : "kit.case.member", words.stored(orDash(person.name())),
                    words.stored(orDash(person.identityNumber())), person.personId())
                    + (person.erased() ? " " + words.text("kit.case.personErased") : ""));
        }
        for (CaseView.Report report : view.reports) {
            state.add(words.text("kit.case.report", Words.minute(report.receivedAt), words.code("reporter.", report.reporterType),
                    words.stored(orDash(report.summary)), report.immediateNeedOfProtection == null ? "–"
                            : words.yesNo(report.immediateNeedOfProtection), report.protectionAssessedAt == null ? "–"
                            : Words.minute(report.protectionAssessedAt)));
        }
        for (CaseView.Investigation investigation : view.investigations) {
            state.add(words.text("kit.case.investigation", investigation.openedOn, investigation.statutoryDeadline,
                    words.text("kit.status." + investigation.status), investigation.closedOn == null ? "–" : investigation.closedOn.toString()));
        }
        for (CaseView.Decision decision : view.decisions) {
            state.add(words.text("kit.case.decision", decision.decisionDate, words.code("decision.kind.", decision.kind),
                    decision.legalBasis == null ? "–" : law.legalBasis(LegalBasisId.of(decision.legalBasis)), decision.decidedBy,
                    words.code("role.", decision.decidedInRole), decision.delegationRule,
                    decision.appealable ? words.yesNo(decision.appealInformationGiven) : "–", words.stored(orDash(decision.rationale))));
        }
        for (CaseView.Visit visit : view.visits) {
            state.add(words.text("kit.case.visit", Words.minute(visit.plannedAt), words.code("visit.place.", visit.place),
                    words.text("kit.visit." + visit.status)));
        }
        for (CaseView.Contact contact : view.contacts) {
            state.add(words.text("kit.case.contact", Words.minute(contact.occurredAt), words.code("contact.channel.", contact.channel),
                    contact.partner == null ? "–" : words.code("partner.", contact.partner), words.code("contact.initiator.", contact.initiatedBy)));
        }
        for (CaseView.Intervention intervention : view.interventions) {
            state.add(words.text("kit.case.intervention", words.code("intervention.type.", intervention.type),
                    words.text("kit.intervention." + intervention.status), Words.minute(intervention.startedAt), Words.minute(intervention.endedAt),
                    String.valueOf(intervention.followUps)));
        }
        for (CaseView.Consent consent : view.consents) {
            state.add(words.text("kit.case.consent", consent.person, words.stored(orDash(consent.partnerName)), words.code("partner.", consent.partner),
                    words.stored(orDash(consent.purpose)), consent.validFrom, consent.validUntil == null ? "–" : consent.validUntil.toString(),
                    Words.minute(consent.withdrawnAt)));
        }
        for (CaseView.Disclosure disclosure : view.disclosures) {
            state.add(words.text("kit.case.disclosure", Words.minute(disclosure.occurredAt), words.stored(orDash(disclosure.partnerName)),
                    words.code("partner.", disclosure.partner), disclosure.provision != null
                            ? law.legalBasis(LegalBasisId.of(disclosure.provision)) : words.text("kit.case.withConsent")));
        }
        for (CaseView.Transfer transfer : view.transfers) {
            state.add(words.text("kit.case.transfer", Words.minute(transfer.occurredAt), transfer.fromUnit, transfer.toUnit));
        }
        if (view.closure != null) {
            state.add(words.text("kit.case.closure", Words.minute(view.closure.closedAt), words.stored(orDash(view.closure.reason))));
        }
        for (CaseView.Note note : view.notes) {
            state.add(note.corrects == null ? words.text("kit.case.note", Words.minute(note.occurredAt), words.stored(note.text))
                    : words.text("kit.case.correction", Words.minute(note.occurredAt), words.stored(note.text), words.stored(orDash(note.correctionReason))));
        }
        sections.add(new Section(words.text("kit.case"), state));

        List<String> timeline = new ArrayList<>();
        for (TimelineEntry entry : answer.timeline()) {
            StringBuilder line = new StringBuilder(words.text("kit.timeline.entry", String.valueOf(entry.sequenceNumber()), Words.minute(entry.occurredAt()),
                    Words.minute(entry.recordedAt()), entry.actor(), words.code("role.", entry.role()), entry.unit(), entry.what()));
            if (entry.legalBasis() != null) {
                line.append('\n').append(words.text("kit.timeline.basis", entry.legalBasis()));
            }
            if (entry.corrects() != null) {
                line.append('\n').append(words.text("kit.timeline.corrects", String.valueOf(entry.corrects())));
            }
            if (entry.correctedBy() != null) {
                line.append('\n').append(words.text("kit.timeline.correctedBy", String.valueOf(entry.correctedBy())));
            }
            if (entry.recordedLate() != null) {
                line.append('\n').append(entry.recordedLate().what());
            }
            if (entry.beforeReceipt() != null) {
                line.append('\n').append(entry.beforeReceipt().what());
            }
            timeline.add(line.toString());
        }
        sections.add(new Section(words.text("kit.timeline"), timeline));

        List<String> compliance = new ArrayList<>();
        for (CaseAtMoment.Check check : answer.compliance()) {
            compliance.add(words.text("kit.compliance.check", words.code("rule.", check.rule().name()), words.text("kit.check." + check.status()),
                    check.referenceDay(), check.dueOn() == null ? "–" : check.dueOn().toString(),
                    check.metOn() == null ? "–" : check.metOn().toString(), check.unit(), check.detail()));
        }
        if (compliance.isEmpty()) {
            compliance.add(words.text("kit.compliance.none"));
        }
        sections.add(new Section(words.text("kit.compliance"), compliance));
        return sections;
    }

    public static String text(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            text.append(section.heading()).append('\n').append("=".repeat(section.heading().length())).append('\n');
            section.lines().forEach(line -> text.append(line.replace("\n", "\n    ")).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    public static String html(List<Section> sections, Locale language) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(sections.get(0).heading())).append("</title></head><body>\n");
        boolean first = true;
        for (Section section : sections) {
            html.append(first ? "<h1>" : "<h2>").append(escape(section.heading())).append(first ? "</h1>" : "</h2>").append("\n<ul>\n");
            section.lines().forEach(line -> html.append("<li>").append(escape(line).replace("\n", "<br>")).append("</li>\n"));
            html.append("</ul>\n");
            first = false;
        }
        return html.append("</body></html>\n").toString();
    }

    private static String orNone(Words words, String value) {
        return value == null ? words.text("kit.none") : value;
    }

    private static String orDash(String value) {
        return value == null ? "–" : value;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
