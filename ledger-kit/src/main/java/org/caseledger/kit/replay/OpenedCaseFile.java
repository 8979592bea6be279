package org.caseledger.kit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.core.law.Validity;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.projections.personaldata.RecipientSeal;

/**
 * A verified case file opened for reading: its events as the ledger reads them (upcast, personal fields opened with the
 * data keys sealed for the recipient), and the law its decisions cite. Without the recipient's key its personal fields
 * read {@link PersonalData#SEALED}; a key the ledger had destroyed reads {@link PersonalData#ERASED}; a key that is not
 * the file's recipient's is refused.
 */
public final class OpenedCaseFile {

    /** The key given is not the one the file was exported for, or does not open its sealed data keys. */
    public static final class NotForThisKey extends Exception {
        NotForThisKey(String message) {
            super(message);
        }
    }

    /**
     * A person the case names, as their registration reads now: name and identity number (or reserve number), each
     * {@code null} when not recorded, {@link PersonalData#ERASED} or {@link PersonalData#SEALED} when unreadable.
     */
    public record Person(String personId, String name, String identityNumber, boolean erased) {
    }

    /** How far the personal fields could be read. */
    public enum Readability {
        /** With the recipient's key: every field whose key the ledger still held when it exported. */
        OPENED,
        /** Without a key: no personal field. */
        SEALED
    }

    /** The JSON the ledger stores events in, read alike here: ISO times, typed ids as plain text. */
    static final ObjectMapper EVENTS = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String caseId;
    private final Instant exportedAt;
    private final String recipientName;
    private final Readability readability;
    private final List<CaseEvent> events;
    private final List<Person> persons;
    private final LegalFramework law;
    private final int erasedKeys;

    private OpenedCaseFile(String caseId, Instant exportedAt, String recipientName, Readability readability, List<CaseEvent> events,
                           List<Person> persons, LegalFramework law, int erasedKeys) {
        this.caseId = caseId;
        this.exportedAt = exportedAt;
        this.recipientName = recipientName;
        this.readability = readability;
        this.events = events;
        this.persons = persons;
        this.law = law;
        this.erasedKeys = erasedKeys;
    }

    /** Opens the file with the recipient's private key, or with none ({@code null}): then nothing personal is read. */
    public static OpenedCaseFile open(VerifiedCaseFile file, RecipientKeyFile key) throws NotForThisKey {
        JsonNode body;
        try {
            body = EVENTS.readTree(EVENTS.readTree(file.bytes()).path("body").asText());
        } catch (IOException e) {
            throw new IllegalStateException("a verified file is always JSON", e);
        }
        String caseId = body.path("caseId").asText();
        JsonNode recipient = body.path("recipient");
        Map<UUID, SecretKey> keys = new HashMap<>();
        Set<UUID> erased = new HashSet<>();
        recipient.path("erasedKeys").forEach(id -> erased.add(UUID.fromString(id.asText())));
        if (key != null) {
            if (recipient.isMissingNode()) {
                throw new NotForThisKey("the file was exported for no recipient: its personal fields are sealed for no key");
            }
            if (!recipient.path("keyId").asText().equals(key.keyId())) {
                throw new NotForThisKey("the file was exported for " + recipient.path("name").asText() + " (key "
                        + recipient.path("keyId").asText() + "), not for the key " + key.keyId());
            }
            Base64.Decoder base64 = Base64.getDecoder();
            for (JsonNode sealed : recipient.path("dataKeys")) {
                UUID keyId = UUID.fromString(sealed.path("keyId").asText());
                SecretKey dataKey = RecipientSeal.open(key.privateKey(), caseId, keyId, base64.decode(sealed.path("enc").asText()),
                        base64.decode(sealed.path("sealedKey").asText())).orElseThrow(() -> new NotForThisKey(
                        "the data key " + keyId + " does not open with the key " + key.keyId()));
                keys.put(keyId, dataKey);
            }
        }
        Readability readability = key == null ? Readability.SEALED : Readability.OPENED;
        FileEvents reader = new FileEvents(EVENTS, id -> Optional.ofNullable(keys.get(id)),
                key == null ? PersonalData.SEALED : PersonalData.ERASED);
        List<CaseEvent> events = reader.read(body.path("events"), "Case").stream().map(CaseEvent.class::cast).toList();
        List<Person> persons = new ArrayList<>();
        for (JsonNode stream : body.path("persons")) {
            persons.add(person(stream.path("personId").asText(), reader.read(stream.path("events"), "Person")));
        }
        return new OpenedCaseFile(caseId, Instant.parse(body.path("exportedAt").asText()),
                recipient.isMissingNode() ? null : recipient.path("name").asText(), readability, events, List.copyOf(persons),
                law(body.path("law")), erased.size());
    }

    /** A person's registration folded: the newest registration's name and number, and whether they were erased since. */
    private static Person person(String personId, List<LedgerEvent> stream) {
        String name = null;
        String number = null;
        boolean erased = false;
        for (LedgerEvent event : stream) {
            if (event instanceof PersonRegistered registered) {
                name = registered.name();
                number = registered.identityNumber() != null ? registered.identityNumber().value() : registered.reserveNumber();
            } else if (event instanceof PersonErased) {
                erased = true;
            }
        }
        return new Person(personId, name, number, erased);
    }

    private static LegalFramework law(JsonNode law) {
        List<LegalBasis> bases = new ArrayList<>();
        for (JsonNode basis : law.path("legalBases")) {
            Set<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
            basis.path("decisionKinds").forEach(kind -> kinds.add(DecisionKind.valueOf(kind.asText())));
            bases.add(new LegalBasis(LegalBasisId.of(basis.path("id").asText()), basis.path("act").asText(), basis.path("provision").asText(),
                    basis.path("title").asText(), new Validity(LocalDate.parse(basis.path("validFrom").asText()),
                    basis.path("validTo").isTextual() ? LocalDate.parse(basis.path("validTo").asText()) : null), kinds,
                    basis.path("permitsDisclosure").asBoolean(), basis.path("appealable").asBoolean()));
        }
        return new LegalFramework(bases, List.of());
    }

    public String caseId() {
        return caseId;
    }

    public Instant exportedAt() {
        return exportedAt;
    }

    /** Who the file was exported for, or {@code null} for a file for anyone. */
    public String recipientName() {
        return recipientName;
    }

    public Readability readability() {
        return readability;
    }

    public List<CaseEvent> events() {
        return events;
    }

    /** The persons the case names, the child first; none in a file for anyone. */
    public List<Person> persons() {
        return persons;
    }

    public LegalFramework law() {
        return law;
    }

    /** How many of the file's data keys the ledger had destroyed: an erased person's fields, unreadable to anyone. */
    public int erasedKeys() {
        return erasedKeys;
    }
}
