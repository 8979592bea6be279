package org.caseledger.api.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.access.PersonAccessRepository;
import org.caseledger.api.integrity.CaseFileExporter;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.person.PersonRecord;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints a case file: the signed case file of the verifiable export, the case's events and the registrations of its
 * child and household read through the event serializer for the readable part, all in one snapshot of the database;
 * then, with no connection held, the PDF in the reader's language. Each person named is a read of that person, logged
 * as such beside the read of the case.
 */
@Component
class CaseFilePrinter {

    /** A person of the case as read: their id, and the person as their events leave them. */
    private record Registration(PersonId personId, PersonRecord person) {
    }

    private record Snapshot(CaseFileExporter.Export export, List<CaseEvent> events, Registration child, List<Registration> household) {
    }

    static final String WHAT = "GET /api/v1/audit/cases/{caseId}/export.pdf";

    private final CaseFileExporter exporter;
    private final EventHistory history;
    private final PersonAccessRepository persons;
    private final PersonAccessGuard personGuard;
    private final Wording wording;
    private final SigningKey signingKey;
    private final CaseFilePdf pdf;
    private final TransactionTemplate snapshot;

    CaseFilePrinter(CaseFileExporter exporter, EventHistory history, PersonAccessRepository persons, PersonAccessGuard personGuard,
                    Wording wording, SigningKey signingKey, CaseFilePdf pdf, PlatformTransactionManager transactions) {
        this.exporter = exporter;
        this.history = history;
        this.persons = persons;
        this.personGuard = personGuard;
        this.wording = wording;
        this.signingKey = signingKey;
        this.pdf = pdf;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    byte[] print(CaseId caseId, StaffUser exportedBy, Locale language, String purpose) {
        Snapshot read = snapshot.execute(status -> {
            CaseFileExporter.Export export = exporter.exportFile(caseId.toString());
            List<CaseEvent> events = history.events(caseId).stream().map(CaseEvent.class::cast).toList();
            CaseOpened opened = events.stream().filter(CaseOpened.class::isInstance).map(CaseOpened.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the case " + caseId + " has no CaseOpened event"));
            List<Registration> household = persons.householdMembers(opened.household()).stream()
                    .filter(member -> !member.equals(opened.child())).map(this::registration).toList();
            return new Snapshot(export, events, registration(opened.child()), household);
        });
        List<Registration> named = new ArrayList<>(read.household());
        named.add(0, read.child());
        // The log is written outside the read-only snapshot; a person no one registered has no data to read.
        named.stream().filter(person -> person.person().registered())
                .forEach(person -> personGuard.read(exportedBy, person.personId(), WHAT, purpose));
        Words words = wording.words(language);
        List<CaseFileContents.Person> household = read.household().stream().map(member -> person(member, words))
                .sorted(Comparator.comparing(CaseFileContents.Person::name)).toList();
        CaseFileContents contents = CaseFileContents.of(read.export().json(), read.export().file(), read.events(), wording, words,
                person(read.child(), words), household, describe(exportedBy, words), Ed25519.toPem(signingKey.publicKey()),
                read.export().keyFingerprint());
        return pdf.render(contents);
    }

    private Registration registration(PersonId personId) {
        return new Registration(personId, PersonRecord.of(history.events(personId)));
    }

    /**
     * The person by name and number in words, as corrected last: erased, unregistered, by identity number or by reserve
     * number; protected if they are now.
     */
    private static CaseFileContents.Person person(Registration registration, Words words) {
        PersonRecord person = registration.person();
        if (person.erased()) {
            return new CaseFileContents.Person(words.erased(), null, false);
        }
        if (!person.registered()) {
            return new CaseFileContents.Person(words.text("casefile.person.unregistered"), null, false);
        }
        String number = person.identityNumber() != null ? person.identityNumber().value()
                : person.reserveNumberInUse().map(reserve -> words.text("casefile.person.reserve", words.stored(reserve)))
                .orElseGet(() -> words.text("casefile.person.noNumber"));
        return new CaseFileContents.Person(words.stored(person.name()), number, person.protectedIdentity());
    }

    private static String describe(StaffUser staff, Words words) {
        return words.text("casefile.exporter", staff.staffId().value(), words.code(staff.role()), staff.unit().value());
    }
}
