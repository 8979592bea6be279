package org.caseledger.api.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.projections.wording.Words;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.MalformedCheckpointException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Lays the case file out as an XHTML document for the PDF renderer, every word from the bundles ({@code casefile.*})
 * in the reader's language and every time in Swedish local time, the zone stated once. The document is built as a
 * DOM, and everything stored — notes, rationales, names — enters it only as a text node: it is never parsed, so no
 * stored text can become markup, a link or a style, whatever it contains.
 */
final class CaseFileXhtml {

    static final String NAMESPACE = "http://www.w3.org/1999/xhtml";
    private static final int HEX_LINE = 64;

    private final Document document;
    private final CaseFileContents contents;
    private final Words words;

    private CaseFileXhtml(Document document, CaseFileContents contents) {
        this.document = document;
        this.contents = contents;
        this.words = contents.words();
    }

    static Document of(CaseFileContents contents, String css) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        CaseFileXhtml page = new CaseFileXhtml(document, contents);
        Element html = page.el("html", page.el("head", page.el("title", page.title()), page.el("style", css)),
                page.body());
        html.setAttribute("lang", contents.words().language().toLanguageTag());
        document.appendChild(html);
        return document;
    }

    private String title() {
        return words.text("casefile.title", contents.theCase().caseNumber());
    }

    private Element body() {
        return el("body",
                el("div.running-header", words.text("casefile.secrecy")),
                el("div.running-footer", words.text("casefile.footer", title(), Words.minute(exportedAt()), contents.exportedBy())),
                el("div.running-page", words.text("casefile.page.label") + " ", el("span.page-number"),
                        " " + words.text("casefile.page.of") + " ", el("span.page-count")),
                el("h1", title()),
                el("p.secrecy", words.text("casefile.secrecy")),
                el("p.lead", words.text("casefile.lead")),
                el("p.lead", words.text("casefile.zone")),
                facts(),
                el("h2", words.text("casefile.timeline")),
                el("p.explain", words.text("casefile.timeline.explain")),
                timeline(),
                el("h2", words.text("casefile.decisions")),
                decisions(),
                el("h2.appendix", words.text("casefile.evidence")),
                howToVerify(),
                el("h3", words.text("casefile.evidence.events")),
                el("p.explain", words.text("casefile.evidence.events.explain")),
                events(),
                el("h3", words.text("casefile.evidence.checkpoint")),
                checkpoints(),
                el("h3", words.text("casefile.evidence.key")),
                key(),
                el("h3", words.text("casefile.evidence.file")),
                signedFile(),
                el("h3", words.text("casefile.evidence.signature")),
                el("p.explain", words.text("casefile.signature.explain")));
    }

    private Element facts() {
        CaseFileContents.Case theCase = contents.theCase();
        CaseFile file = contents.file();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(words.text("casefile.fact.caseNumber"), theCase.caseNumber());
        facts.put(words.text("casefile.fact.caseId"), theCase.caseId());
        facts.put(words.text("casefile.fact.unit"), theCase.unit());
        facts.put(words.text("casefile.fact.opened"), words.text("casefile.fact.openedAt", Words.second(theCase.openedAt()), theCase.origin()));
        facts.put(words.text("casefile.fact.status"), theCase.status());
        facts.put(words.text("casefile.fact.assignee"), theCase.assignee() == null ? words.text("case.unassigned") : theCase.assignee());
        facts.put(words.text("casefile.fact.child"), person(theCase.child()));
        facts.put(words.text("casefile.fact.household"), household(theCase.household()));
        facts.put(words.text("casefile.fact.events"), words.text("casefile.fact.eventsCount", Integer.toString(file.events().size()),
                Integer.toString(file.events().size() - 1)));
        facts.put(words.text("casefile.fact.exported"), words.text("casefile.fact.exportedBy", Words.second(exportedAt()),
                contents.exportedBy()));
        facts.put(words.text("casefile.fact.signingKey"), words.text("casefile.fact.fingerprint", contents.fingerprint().substring(0, 16)));
        return definitions(facts);
    }

    private Element person(CaseFileContents.Person person) {
        Element line = el("div", person.number() == null ? person.name() : words.text("casefile.person", person.name(), person.number()));
        if (person.protectedIdentity()) {
            line.appendChild(el("div.small", words.text("casefile.person.protected")));
        }
        return line;
    }

    private Element household(List<CaseFileContents.Person> members) {
        if (members.isEmpty()) {
            return el("div", words.text("casefile.household.none"));
        }
        Element all = el("div");
        members.forEach(member -> all.appendChild(person(member)));
        return all;
    }

    private Element timeline() {
        Element rows = el("tbody");
        for (TimelineEntry entry : contents.timeline()) {
            Element what = el("td", el("div.type", words.text("event.type." + entry.type())), el("div", entry.what()));
            if (entry.legalBasis() != null) {
                what.appendChild(el("div.basis", words.text("casefile.timeline.basis", entry.legalBasis())));
            }
            if (entry.correctedBy() != null) {
                what.appendChild(el("div.link", words.text("casefile.timeline.correctedBy", Long.toString(entry.correctedBy()))));
            }
            if (entry.corrects() != null) {
                what.appendChild(el("div.link", words.text("casefile.timeline.corrects", Long.toString(entry.corrects()))));
            }
            if (entry.recordedLate() != null) {
                what.appendChild(el("div.link", entry.recordedLate().what()));
            }
            if (entry.beforeReceipt() != null) {
                what.appendChild(el("div.link", entry.beforeReceipt().what()));
            }
            rows.appendChild(el("tr",
                    el("td.number", "#" + entry.sequenceNumber()),
                    el("td.time", el("div.small", words.text("casefile.timeline.occurred")), el("div", Words.second(entry.occurredAt())),
                            el("div.small", words.text("casefile.timeline.recorded")), el("div", Words.second(entry.recordedAt()))),
                    what,
                    el("td.who", el("div", entry.actor()), el("div.small", words.text("casefile.who", words.text("role." + entry.role()),
                            entry.unit())))));
        }
        return el("table.timeline",
                columns(6, 19, 52, 23),
                el("thead", el("tr", el("th", "#"), el("th", words.text("casefile.timeline.when")), el("th", words.text("casefile.timeline.what")),
                        el("th", words.text("casefile.timeline.who")))),
                rows);
    }

    private Node decisions() {
        if (contents.decisions().isEmpty()) {
            return el("p", words.text("casefile.decisions.none"));
        }
        Element all = el("div");
        for (CaseFileContents.Decision decision : contents.decisions()) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(words.text("casefile.decision.decided"), words.text("casefile.decision.decidedBy", decision.decisionDate().toString(),
                    decision.decidedBy(), decision.decidedInRole()));
            facts.put(words.text("casefile.decision.delegation"), decision.delegationRule());
            facts.put(words.text("casefile.decision.basis"), decision.legalBasis());
            if (decision.interventionType() != null) {
                facts.put(words.text("casefile.decision.intervention"), decision.interventionType());
            }
            if (decision.investigationDeadline() != null) {
                facts.put(words.text("casefile.decision.deadline"), decision.investigationDeadline().toString());
            }
            facts.put(words.text("casefile.decision.appeal"), words.text(!decision.appealable() ? "casefile.decision.notAppealable"
                    : decision.appealInformationGiven() ? "casefile.decision.appealGiven" : "casefile.decision.appealNotGiven"));
            facts.put(words.text("casefile.decision.rationale"),
                    decision.rationale() == null ? words.text("casefile.decision.noRationale") : decision.rationale());
            all.appendChild(el("div.block",
                    el("h4", words.text("casefile.decision.title", Long.toString(decision.sequenceNumber()), decision.kind())),
                    definitions(facts)));
        }
        return all;
    }

    private Element howToVerify() {
        String name = attachmentName(contents.file().caseId());
        return el("div.verify",
                el("p", words.text("casefile.verify.file", name, contents.file().caseId())),
                el("p", words.text("casefile.verify.kit")),
                el("pre", "openssl pkey -pubin -in ledger-public-key.pem -outform DER | tail -c 32 | sha256sum\n"
                        + "java -jar ledger-verify.jar case-file " + name + " \\\n    --public-key ledger-public-key.pem"),
                el("p", words.text("casefile.verify.answers")));
    }

    private Element events() {
        Element rows = el("tbody");
        for (CaseFile.Event event : contents.file().events()) {
            rows.appendChild(el("tr",
                    el("td.number", "#" + event.sequenceNumber()),
                    el("td.number", Long.toString(event.globalIndex())),
                    el("td", el("div.type", words.text("event.type." + simpleName(event.payloadType()))), el("div.hex", event.hash())),
                    el("td", event.leafIndex() == null ? words.text("casefile.evidence.unsealed")
                            : words.text("casefile.evidence.leaf", Long.toString(event.leafIndex())))));
        }
        return el("table.evidence",
                columns(7, 12, 61, 20),
                el("thead", el("tr", el("th", "#"), el("th", words.text("casefile.evidence.globalIndex")),
                        el("th", words.text("casefile.evidence.typeAndHash")), el("th", words.text("casefile.evidence.tree")))),
                rows);
    }

    private Element checkpoints() {
        String note = contents.file().checkpoint();
        if (note == null) {
            return el("p", words.text("casefile.checkpoint.none"));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        String origin = contents.file().log().origin();
        try {
            Note parsed = Note.parse(note.getBytes(StandardCharsets.UTF_8));
            Checkpoint checkpoint = Checkpoint.parse(parsed.text());
            List<String> witnesses = parsed.signatures().stream().map(NoteSignature::keyName)
                    .filter(keyName -> !keyName.equals(origin)).distinct().toList();
            facts.put(words.text("casefile.checkpoint.origin"), checkpoint.origin());
            facts.put(words.text("casefile.checkpoint.size"), words.text("casefile.checkpoint.sizeValue", Long.toString(checkpoint.size())));
            facts.put(words.text("casefile.checkpoint.root"), checkpoint.rootHash().base64());
            facts.put(words.text("casefile.checkpoint.cosigned"),
                    witnesses.isEmpty() ? words.text("casefile.checkpoint.noWitness") : String.join(", ", witnesses));
        } catch (MalformedNoteException | MalformedCheckpointException e) {
            facts.put(words.text("casefile.checkpoint.note"), words.text("casefile.checkpoint.unreadable"));
        }
        facts.put(words.text("casefile.checkpoint.signedNote"), el("pre", note.strip()));
        if (contents.file().since() != null) {
            facts.put(words.text("casefile.checkpoint.earlier"), el("pre", contents.file().since().checkpoint().strip()));
            facts.put(words.text("casefile.checkpoint.consistency"), words.text("casefile.checkpoint.consistencyValue",
                    Integer.toString(contents.file().since().consistencyProof().size())));
        }
        return el("div", definitions(facts), el("p.explain", words.text("casefile.checkpoint.explain")));
    }

    private Element key() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(words.text("casefile.key.algorithm"), "Ed25519");
        facts.put(words.text("casefile.key.vkey"), contents.file().log().vkey());
        facts.put(words.text("casefile.key.fingerprint"), hex(contents.fingerprint()));
        facts.put(words.text("casefile.key.pem"), el("pre", contents.keyPem().strip()));
        return definitions(facts);
    }

    private Element signedFile() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(words.text("casefile.file.attachment"), attachmentName(contents.file().caseId()));
        facts.put(words.text("casefile.file.format"), CaseFile.FORMAT);
        facts.put(words.text("casefile.file.exported"), Words.second(exportedAt()));
        facts.put(words.text("casefile.file.sha256"), hex(Sha256.hex(Sha256.of(contents.json()))));
        return el("div", definitions(facts), el("p.explain", words.text("casefile.file.explain")));
    }

    static String attachmentName(String caseId) {
        return "case-" + caseId + ".json";
    }

    private Instant exportedAt() {
        return Instant.parse(contents.file().exportedAt());
    }

    /** A two-column table of labels and values; a value is text or an element of its own. */
    private Element definitions(Map<String, ?> facts) {
        Element rows = el("tbody");
        facts.forEach((label, value) -> rows.appendChild(el("tr", el("th", label), el("td", value))));
        return el("table.facts", columns(26, 74), rows);
    }

    private Element columns(int... percentages) {
        Element group = el("colgroup");
        for (int percentage : percentages) {
            Element column = el("col");
            column.setAttribute("style", "width: " + percentage + "%");
            group.appendChild(column);
        }
        return group;
    }

    /** Hex in lines short enough for the page, each a whole run of digits a reader can copy. */
    private Element hex(String digits) {
        Element block = el("div.hex");
        for (int start = 0; start < digits.length(); start += HEX_LINE) {
            block.appendChild(el("div", digits.substring(start, Math.min(digits.length(), start + HEX_LINE))));
        }
        return block;
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /**
     * An element; {@code "td.hash"} gives it a class. Children are elements, or text that becomes a text node: the one
     * way stored text enters the document.
     */
    private Element el(String tagAndClass, Object... children) {
        int dot = tagAndClass.indexOf('.');
        Element element = document.createElementNS(NAMESPACE, dot < 0 ? tagAndClass : tagAndClass.substring(0, dot));
        if (dot >= 0) {
            element.setAttribute("class", tagAndClass.substring(dot + 1));
        }
        for (Object child : children) {
            if (child instanceof Node node) {
                element.appendChild(node);
            } else if (child != null) {
                element.appendChild(document.createTextNode(child.toString()));
            }
        }
        return element;
    }
}
