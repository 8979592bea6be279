package org.caseledger.api.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * Case histories for volume tests and benchmarks, published straight to the event store (past the aggregates):
 * an opening followed by journal notes, one an hour, each case starting a minute after the one before.
 */
public final class SyntheticCases {

    private SyntheticCases() {
    }

    public static List<GenericDomainEventMessage<LedgerEvent>> history(long number, int events) {
        CaseId caseId = CaseId.random();
        Instant start = Instant.parse("2024-01-01T08:00:00Z").plus(Duration.ofMinutes(number));
        List<GenericDomainEventMessage<LedgerEvent>> history = new ArrayList<>();
        history.add(message(caseId, 0, new CaseOpened(caseId, CaseNumber.of(String.format("2024-%06d", number + 1)),
                UnitId.of("vivalla"), CaseOrigin.APPLICATION, PersonId.random(), HouseholdId.random(), start, envelope(start))));
        for (int sequence = 1; sequence < events; sequence++) {
            Instant at = start.plus(Duration.ofHours(sequence));
            history.add(message(caseId, sequence, new JournalNoteRecorded(caseId, NoteId.random(),
                    "Journal note " + sequence + " of case " + number + ": a conversation with the family.", envelope(at))));
        }
        return history;
    }

    /** The registration of a child known by a reserve number, so that a case may name them. */
    public static GenericDomainEventMessage<LedgerEvent> registration(PersonId child) {
        Instant at = Instant.parse("2024-01-01T08:00:00Z");
        return new GenericDomainEventMessage<>("Person", child.toString(), 0, new PersonRegistered(child, null,
                "RES-" + UUID.randomUUID(), "Kim Reserv", false, HouseholdId.random(), envelope(at)));
    }

    private static GenericDomainEventMessage<LedgerEvent> message(CaseId caseId, long sequence, LedgerEvent event) {
        return new GenericDomainEventMessage<>("Case", caseId.toString(), sequence, event);
    }

    private static Envelope envelope(Instant at) {
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), at, at,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }
}
