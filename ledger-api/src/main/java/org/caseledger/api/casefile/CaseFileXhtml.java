package org.caseledger.api.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.MalformedCheckpointException;
import org.caseledger.projections.timeline.TimelineEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Lays the case file out as an XHTML document for the PDF renderer. The document is built as a DOM, and everything
 * stored — notes, rationales, names of things — enters it only as a text node: it is never parsed, so no stored text
 * can become markup, a link or a style, whatever it contains.
 */
final class CaseFileXhtml {

    static final String NAMESPACE = "http://www.w3.org/1999/xhtml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int HEX_LINE = 64;

    private final Document document;
    private final CaseFileContents contents;

    private CaseFileXhtml(Document document, CaseFileContents contents) {
        this.document = document;
        this.contents = contents;
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
        html.setAttribute("lang", "en");
        document.appendChild(html);
        return document;
    }

    private String title() {
        return "Case file " + contents.theCase().caseNumber();
    }

    private Element body() {
        return el("body",
                el("div.running-header", "Confidential: social services secrecy, OSL (2009:400) 26 kap. 1 §"),
                el("div.running-footer", title() + " · exported " + time(exportedAt()) + " UTC by " + contents.exportedBy()),
                el("h1", title()),
                el("p.lead", "A record of everything the case ledger holds on this case: each event in plain words with "
                        + "when it happened, when it was recorded and by whom; the decisions with their legal bases; and the "
                        + "evidence that lets anyone check that no entry was changed, removed or added afterwards."),
                facts(),
                el("h2", "1 Timeline"),
                el("p.explain", "One line per event, in the order the ledger recorded them. Times are UTC: \"occurred\" is when "
                        + "it happened, \"recorded\" when the ledger recorded it. Nothing is changed or removed: a correction is "
                        + "a new entry, and the note it corrects stays as it was written."),
                timeline(),
                el("h2", "2 Decisions"),
                decisions(),
                el("h2.appendix", "3 Integrity evidence"),
                howToVerify(),
                el("h3", "3.1 The events as stored"),
                el("p.explain", "Each event's SHA-256 hash covers its identity, its content as stored (personal data "
                        + "encrypted), its envelope (who, when) and the hash of the event before it in the case, so changing, "
                        + "removing or reordering an event breaks the chain. The last column names the event's leaf in the "
                        + "ledger's one Merkle tree, whose root the checkpoint in 3.2 signs."),
                events(),
                el("h3", "3.2 The signed checkpoint"),
                checkpoints(),
                el("h3", "3.3 The signing key"),
                key(),
                el("h3", "3.4 The signed case file"),
                signedFile());
    }

    private Element facts() {
        CaseFileContents.Case theCase = contents.theCase();
        CaseFile file = contents.file();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Case number", theCase.caseNumber());
        facts.put("Case id", theCase.caseId());
        facts.put("Unit", theCase.unit());
        facts.put("Opened", time(theCase.openedAt()) + " UTC (" + theCase.origin() + ")");
        facts.put("Status", theCase.status());
        facts.put("Assigned to", theCase.assignee() == null ? "nobody" : theCase.assignee());
        facts.put("Child", "person " + theCase.child());
        facts.put("Household", theCase.household());
        facts.put("Events", file.events().size() + " (numbered 0 to " + (file.events().size() - 1) + ")");
        facts.put("Exported", time(exportedAt()) + " UTC by " + contents.exportedBy());
        facts.put("Signing key", "SHA-256 fingerprint " + contents.fingerprint().substring(0, 16) + "… (in full in 3.3)");
        return definitions(facts);
    }

    private Element timeline() {
        Element rows = el("tbody");
        for (TimelineEntry entry : contents.timeline()) {
            Element what = el("td", el("div.type", entry.type()), el("div", entry.what()));
            if (entry.legalBasis() != null) {
                what.appendChild(el("div.basis", "Legal basis: " + entry.legalBasis()));
            }
            if (entry.correctedBy() != null) {
                what.appendChild(el("div.link", "Corrected by #" + entry.correctedBy() + "; the text above is as first recorded."));
            }
            if (entry.corrects() != null) {
                what.appendChild(el("div.link", "Corrects #" + entry.corrects() + "."));
            }
            rows.appendChild(el("tr",
                    el("td.number", "#" + entry.sequenceNumber()),
                    el("td.time", el("div.small", "occurred"), el("div", time(entry.occurredAt())),
                            el("div.small", "recorded"), el("div", time(entry.recordedAt()))),
                    what,
                    el("td.who", el("div", entry.actor()), el("div.small", CaseFileContents.words(entry.role()) + ", " + entry.unit()))));
        }
        return el("table.timeline",
                columns(6, 19, 52, 23),
                el("thead", el("tr", el("th", "#"), el("th", "When (UTC)"), el("th", "What"), el("th", "Recorded by"))),
                rows);
    }

    private Node decisions() {
        if (contents.decisions().isEmpty()) {
            return el("p", "No decision has been recorded in this case.");
        }
        Element all = el("div");
        for (CaseFileContents.Decision decision : contents.decisions()) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("Decided", decision.decisionDate() + " by " + decision.decidedBy() + " as " + decision.decidedInRole());
            facts.put("Delegation rule", decision.delegationRule());
            facts.put("Legal basis", decision.legalBasis() + " (" + decision.legalBasisId() + ")");
            if (decision.interventionType() != null) {
                facts.put("Intervention", decision.interventionType());
            }
            if (decision.investigationDeadline() != null) {
                facts.put("Investigation deadline", decision.investigationDeadline().toString());
            }
            facts.put("Appeal", !decision.appealable() ? "not appealable"
                    : decision.appealInformationGiven() ? "appealable; appeal information was given"
                    : "appealable; appeal information was NOT given");
            facts.put("Rationale", decision.rationale() == null ? "none recorded" : decision.rationale());
            all.appendChild(el("div.block",
                    el("h4", "#" + decision.sequenceNumber() + " Decision to " + decision.kind()),
                    definitions(facts)));
        }
        return all;
    }

    private Element howToVerify() {
        String name = attachmentName(contents.file().caseId());
        return el("div.verify",
                el("p", "This document presents the signed case file " + name + ", which is attached to this PDF as it was "
                        + "exported (the ledger's GET /api/v1/audit/cases/{id}/export gives the same kind of file). Every hash and "
                        + "signature below is copied from it. The ledger verified the case's hash chain and its checkpoints "
                        + "before it signed the file; it signs no case that does not verify."),
                el("p", "To check the file yourself, with no database and no network: save the attachment, and the ledger's "
                        + "public key (GET /api/v1/audit/public-key) as ledger-public-key.pem; check that the key's fingerprint "
                        + "matches 3.3; then run the auditor's kit (ledger-verify.jar, a small jar that needs nothing but Java)"),
                el("pre", "openssl pkey -pubin -in ledger-public-key.pem -outform DER | tail -c 32 | sha256sum\n"
                        + "java -jar ledger-verify.jar case-file " + name + " \\\n    --public-key ledger-public-key.pem"),
                el("p", "With a trust policy that lists the log's key and its witnesses, use --policy POLICY instead of "
                        + "--public-key, and the witnesses' cosignatures are checked too; with --trusted-checkpoint NOTE, the "
                        + "kit also checks that the file's checkpoint extends one you kept. It answers INTACT when every event, "
                        + "link, proof and signature holds; UNSEALED when some events are newer than the file's checkpoint "
                        + "(their chain is checked, but no signed checkpoint covers them yet); otherwise BROKEN, naming the "
                        + "event (sequence number and global index) or the part of the file that was changed. It prints the "
                        + "fingerprint of every key it relied on. The formats are defined in the ledger's documentation "
                        + "(docs/integrity.md)."));
    }

    private Element events() {
        Element rows = el("tbody");
        for (CaseFile.Event event : contents.file().events()) {
            rows.appendChild(el("tr",
                    el("td.number", "#" + event.sequenceNumber()),
                    el("td.number", Long.toString(event.globalIndex())),
                    el("td", el("div.type", simpleName(event.payloadType())), el("div.hex", event.hash())),
                    el("td", event.leafIndex() == null ? "not yet sealed" : "leaf " + event.leafIndex())));
        }
        return el("table.evidence",
                columns(7, 12, 61, 20),
                el("thead", el("tr", el("th", "#"), el("th", "Global index"), el("th", "Event type and hash (SHA-256)"),
                        el("th", "Merkle tree"))),
                rows);
    }

    private Element checkpoints() {
        String note = contents.file().checkpoint();
        if (note == null) {
            return el("p", "No checkpoint had been sealed when the file was exported.");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        String origin = contents.file().log().origin();
        try {
            Note parsed = Note.parse(note.getBytes(StandardCharsets.UTF_8));
            Checkpoint checkpoint = Checkpoint.parse(parsed.text());
            List<String> witnesses = parsed.signatures().stream().map(NoteSignature::keyName)
                    .filter(keyName -> !keyName.equals(origin)).distinct().toList();
            facts.put("Log (origin)", checkpoint.origin());
            facts.put("Tree size", checkpoint.size() + " events of the whole ledger");
            facts.put("Root hash (Base64)", checkpoint.rootHash().base64());
            facts.put("Cosigned by", witnesses.isEmpty() ? "no witness" : String.join(", ", witnesses));
        } catch (MalformedNoteException | MalformedCheckpointException e) {
            facts.put("Note", "unreadable: " + e.getMessage());
        }
        facts.put("The signed note", el("pre", note.strip()));
        if (contents.file().since() != null) {
            facts.put("Earlier checkpoint", el("pre", contents.file().since().checkpoint().strip()));
            facts.put("Consistency proof", contents.file().since().consistencyProof().size() + " hashes, in the file");
        }
        return el("div", definitions(facts), el("p.explain", "Every sealed event of this case carries, in the file, its RFC 9162 "
                + "inclusion proof to this checkpoint's root; the note is signed with the ledger's key under the log's origin, "
                + "and each witness line is a witness's cosignature (c2sp.org/tlog-cosignature)."));
    }

    private Element key() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Algorithm", "Ed25519");
        facts.put("Log key (vkey)", contents.file().log().vkey());
        facts.put("SHA-256 fingerprint", hex(contents.fingerprint()));
        facts.put("Public key (PEM)", el("pre", contents.keyPem().strip()));
        return definitions(facts);
    }

    private Element signedFile() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Attachment", attachmentName(contents.file().caseId()));
        facts.put("Format", CaseFile.FORMAT);
        facts.put("Exported", time(exportedAt()) + " UTC");
        facts.put("SHA-256 of the file", hex(Sha256.hex(Sha256.of(contents.json()))));
        return el("div", definitions(facts),
                el("p.explain", "The file's Ed25519 signature covers its whole body (docs/integrity.md, \"The case file\"), so a "
                        + "printed copy of this page identifies the one file it describes."));
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

    private static String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
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
