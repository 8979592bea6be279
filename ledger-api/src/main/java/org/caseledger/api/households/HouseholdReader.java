package org.caseledger.api.households;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.caseledger.api.access.CaseAccess;
import org.caseledger.api.access.HouseholdAccess;
import org.caseledger.api.access.HouseholdAccessGuard;
import org.caseledger.api.access.PersonAccess;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.wording.Wording;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.ConsentWithdrawn;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionDeclined;
import org.caseledger.core.cases.InterventionEnded;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.household.HouseholdEvent;
import org.caseledger.core.household.HouseholdMembers;
import org.caseledger.core.household.MembershipPeriod;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.person.PersonRecord;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.timeline.TimelineWording;
import org.caseledger.projections.wording.HouseholdSentences;
import org.caseledger.projections.wording.Words;
import org.springframework.stereotype.Component;

/**
 * Builds a household's view from what the access guard let the reader see, and from nothing else: the members it shows
 * are read from their own streams, the case files it shows from theirs, the outreach activities of the reader's unit
 * from theirs. A part the guard left out is never read, so it cannot leak into a sentence or a count.
 */
@Component
class HouseholdReader {

    /** The entries of a case file that concern the household as a whole; the rest of the file is on the case's page. */
    private static final Set<Class<? extends CaseEvent>> HOUSEHOLD_FACTS = Set.of(CaseOpened.class, CaseTransferred.class, CaseClosed.class,
            InterventionOffered.class, InterventionAccepted.class, InterventionDeclined.class, InterventionStarted.class,
            InterventionEnded.class, ConsentGiven.class, ConsentWithdrawn.class, InformationDisclosed.class);

    private final EventHistory history;
    private final Wording wording;

    HouseholdReader(EventHistory history, Wording wording) {
        this.history = history;
        this.wording = wording;
    }

    HouseholdView read(HouseholdAccessGuard.Visible visible, Locale language) {
        HouseholdId householdId = visible.household().householdId();
        Words words = wording.words(language);
        TimelineWording caseSentences = wording.sentences(language);
        HouseholdSentences householdSentences = new HouseholdSentences(words);
        List<Stamped> timeline = new ArrayList<>();

        List<CaseFileRead> files = visible.cases().stream().map(this::caseFile).toList();
        List<HouseholdEvent> ownEvents = visible.household().formed()
                ? history.events(householdId).stream().map(HouseholdEvent.class::cast).toList() : List.of();
        List<MembershipPeriod> periods = HouseholdMembers.of(ownEvents);

        Map<PersonId, String> names = new HashMap<>();
        List<HouseholdView.Member> members = new ArrayList<>();
        for (HouseholdAccess.Member member : visible.members()) {
            PersonId personId = member.person().personId();
            List<LedgerEvent> personEvents = history.events(personId);
            PersonRecord person = PersonRecord.of(personEvents);
            String name = person.erased() ? words.erased() : words.stored(person.name());
            names.put(personId, name);
            members.add(member(member, person, name, personEvents, periods, files));
        }
        members.sort(Comparator.comparing((HouseholdView.Member member) -> !member.current()).thenComparing(HouseholdView.Member::name));

        for (HouseholdEvent event : ownEvents) {
            if (visible.shows(event.person())) {
                timeline.add(new Stamped(event.envelope(), event.getClass().getSimpleName(), householdSentences.what(event, names.get(event.person())),
                        null, null, null, event.person().toString()));
            }
        }
        for (CaseFileRead file : files) {
            for (CaseEvent event : file.events()) {
                if (HOUSEHOLD_FACTS.contains(event.getClass())) {
                    timeline.add(new Stamped(event.envelope(), event.getClass().getSimpleName(), caseSentences.what(event),
                            file.view().caseId, file.view().caseNumber, null, null));
                }
            }
        }
        for (HouseholdAccess.Activity activity : visible.outreach()) {
            OutreachEvent event = (OutreachEvent) history.entries(activity.activityId(), OutreachEvent.class).get(0).data();
            timeline.add(new Stamped(event.envelope(), event.getClass().getSimpleName(), householdSentences.what(event), null, null,
                    activity.activityId().toString(), null));
        }
        timeline.sort(Comparator.comparing((Stamped entry) -> entry.envelope().occurredAt())
                .thenComparing(entry -> entry.envelope().recordedAt()));

        List<HouseholdView.CaseFile> cases = files.stream().map(file -> new HouseholdView.CaseFile(file.view().caseId, file.view().caseNumber,
                file.view().child, file.view().unit, file.view().status, file.view().receivedAt))
                .sorted(Comparator.comparing(HouseholdView.CaseFile::caseNumber)).toList();
        return new HouseholdView(householdId.toString(), members, cases, timeline.stream().map(Stamped::entry).toList());
    }

    /** A case file the reader may read: its events and the view they fold into. */
    private record CaseFileRead(CaseAccess access, List<CaseEvent> events, CaseView view) {
    }

    private CaseFileRead caseFile(CaseAccess access) {
        List<CaseEvent> events = history.events(access.caseId()).stream().map(CaseEvent.class::cast).toList();
        return new CaseFileRead(access, events, CaseViewFold.fold(events));
    }

    /**
     * The member with their relations over time: as the household's own events record them; else, registered into the
     * household, from their registration with no relation recorded; else, the child of its cases, from the first of them.
     */
    private static HouseholdView.Member member(HouseholdAccess.Member member, PersonRecord person, String name,
                                               List<LedgerEvent> personEvents, List<MembershipPeriod> recorded, List<CaseFileRead> files) {
        PersonAccess access = member.person();
        List<HouseholdView.Period> periods = recorded.stream().filter(period -> period.person().equals(access.personId()))
                .map(period -> new HouseholdView.Period(period.relation().name(), period.from(), period.to())).toList();
        HouseholdView.Through through = HouseholdView.Through.HOUSEHOLD;
        if (periods.isEmpty() && member.inFiles()) {
            through = HouseholdView.Through.REGISTRATION;
            Instant registered = personEvents.stream().filter(PersonRegistered.class::isInstance).findFirst()
                    .map(event -> event.envelope().occurredAt()).orElse(null);
            periods = List.of(new HouseholdView.Period(null, registered, null));
        } else if (periods.isEmpty()) {
            through = HouseholdView.Through.CASE;
            Instant firstCase = files.stream().filter(file -> access.personId().toString().equals(file.view().child))
                    .map(file -> file.view().receivedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            periods = List.of(new HouseholdView.Period("CHILD", firstCase, null));
        }
        boolean current = periods.get(periods.size() - 1).to() == null;
        String number = person.erased() || person.identityNumber() == null ? null : person.identityNumber().value();
        return new HouseholdView.Member(access.personId().toString(), name, number, person.protectedIdentity(), person.erased(), through,
                current, periods);
    }

    /** A timeline entry with the envelope it is ordered by. */
    private record Stamped(Envelope envelope, String type, String what, String caseId, String caseNumber, String activityId,
                           String personId) {

        HouseholdView.Entry entry() {
            return new HouseholdView.Entry(type, what, envelope.occurredAt(), envelope.recordedAt(), envelope.actor().value(),
                    envelope.role().name(), envelope.unit().value(), caseId, caseNumber, activityId, personId);
        }
    }
}
