package org.caseledger.api.recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.access.PersonAccessRepository;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.api.integrity.CaseFileExporter;
import org.caseledger.api.privacy.KeysForRecipient;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.projections.personaldata.RecipientSeal;
import org.caseledger.projections.personaldata.StoredText;
import org.springframework.stereotype.Component;

/**
 * Exports the signed case file for one named recipient: the same events, proofs and checkpoint as any export, with the
 * registrations of the persons the case names (its child, its household's members), the data keys their personal
 * fields name sealed for the recipient's public key, and the law catalogue its decisions are worded by. The recipient comes from the register, valid on the day of the export, or, where the configuration
 * accepts it, from the request.
 */
@Component
public class CaseFileForRecipient {

    /** A personal field's key id, as the stored text names it. */
    private static final Pattern KEY_ID = Pattern.compile(Pattern.quote(StoredText.PREFIX) + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):");

    /** Who the file is for: a name and a public key. */
    public record Recipient(String name, byte[] publicKey) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseFileExporter exporter;
    private final KeysForRecipient keys;
    private final LegalFramework law;
    private final RecipientProperties recipients;
    private final PersonAccessRepository people;
    private final Clock clock;

    CaseFileForRecipient(CaseFileExporter exporter, KeysForRecipient keys, LegalFramework law, RecipientProperties recipients,
                         PersonAccessRepository people, Clock clock) {
        this.exporter = exporter;
        this.keys = keys;
        this.law = law;
        this.recipients = recipients;
        this.people = people;
        this.clock = clock;
    }

    /** The registered recipient of this id, if its key may be used today. */
    public Recipient registered(String id) {
        List<RecipientProperties.Registered> valid = recipients.register().stream()
                .filter(entry -> entry.validOn(LedgerTime.dayOf(clock.instant()))).toList();
        RecipientProperties.Registered entry = valid.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("recipient", ValueProblem.ONE_OF,
                        "recipient must be one of the registered recipients whose key is valid today",
                        String.join(", ", valid.stream().map(RecipientProperties.Registered::id).toList())));
        byte[] key = RecipientSeal.publicKey(entry.publicKey())
                .orElseThrow(() -> new IllegalStateException("the registered recipient " + id + " has no X25519 public key"));
        return new Recipient(entry.name(), key);
    }

    /** A recipient named in the request, where the configuration accepts one. */
    public Recipient supplied(String name, String publicKey) {
        if (!recipients.acceptSuppliedKeys()) {
            throw new InvalidValueException("publicKey", ValueProblem.SUPPLIED_KEY_NOT_ACCEPTED,
                    "this ledger exports only to registered recipients: name one in recipient");
        }
        byte[] key = RecipientSeal.publicKey(publicKey).orElseThrow(() -> new InvalidValueException("publicKey",
                ValueProblem.RECIPIENT_KEY_FORMAT, "publicKey must be an X25519 public key: 32 bytes in Base64"));
        return new Recipient(name, key);
    }

    public CaseFileExporter.Export export(String caseId, Recipient recipient) {
        return exporter.exportFile(caseId, null, (events, streams) -> {
            List<CaseFile.PersonStream> persons = personsNamed(events).stream()
                    .map(person -> new CaseFile.PersonStream(person.toString(), streams.apply(person.toString())))
                    .filter(stream -> !stream.events().isEmpty()).toList();
            List<CaseFile.Event> everything = new ArrayList<>(events);
            persons.forEach(person -> everything.addAll(person.events()));
            KeysForRecipient.Sealed sealed = keys.seal(caseId, recipient.publicKey(), keyIds(everything));
            Base64.Encoder base64 = Base64.getEncoder();
            CaseFile.Recipient section = new CaseFile.Recipient(recipient.name(), base64.encodeToString(recipient.publicKey()),
                    RecipientSeal.keyId(recipient.publicKey()), RecipientSeal.SUITE,
                    sealed.keys().stream().map(key -> new CaseFile.DataKey(key.keyId().toString(), base64.encodeToString(key.sealed().enc()),
                            base64.encodeToString(key.sealed().ciphertext()))).toList(),
                    sealed.destroyed().stream().map(UUID::toString).toList());
            return new CaseFile.ForRecipient(section, new CaseFile.Law(law.legalBases().stream().map(CaseFileForRecipient::basis).toList()),
                    persons);
        });
    }

    /** The persons the case names: its child first, then the members registered into its household. */
    private List<UUID> personsNamed(List<CaseFile.Event> events) {
        JsonNode opened;
        try {
            opened = JSON.readTree(Base64.getDecoder().decode(events.get(0).payload()));
        } catch (IOException e) {
            throw new IllegalStateException("the case's first event is not readable JSON", e);
        }
        Set<UUID> persons = new LinkedHashSet<>();
        persons.add(UUID.fromString(opened.path("child").asText()));
        people.householdMembers(HouseholdId.of(opened.path("household").asText())).stream().map(PersonId::value).sorted()
                .forEach(persons::add);
        return List.copyOf(persons);
    }

    /** Every data key the events' personal fields are sealed under, in the order they first appear. */
    static Set<UUID> keyIds(List<CaseFile.Event> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (CaseFile.Event event : events) {
            Matcher named = KEY_ID.matcher(new String(Base64.getDecoder().decode(event.payload()), StandardCharsets.UTF_8));
            while (named.find()) {
                ids.add(UUID.fromString(named.group(1)));
            }
        }
        return ids;
    }

    private static CaseFile.Basis basis(LegalBasis basis) {
        return new CaseFile.Basis(basis.id().value(), basis.act(), basis.provision(), basis.title(), basis.validity().validFrom().toString(),
                basis.validity().validTo() == null ? null : basis.validity().validTo().toString(),
                basis.decisionKinds().stream().map(Enum::name).sorted().toList(), basis.permitsDisclosure(), basis.appealable());
    }
}
