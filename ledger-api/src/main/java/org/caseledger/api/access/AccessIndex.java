package org.caseledger.api.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.household.HouseholdEvent;
import org.caseledger.core.household.HouseholdMemberJoined;
import org.caseledger.core.household.HouseholdMemberLeft;
import org.caseledger.core.household.HouseholdRelation;
import org.caseledger.core.household.HouseholdRelationChanged;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.outreach.ConversationWithoutAidHeld;
import org.caseledger.core.outreach.ServiceSupportProvided;
import org.caseledger.core.person.ErasureApproved;
import org.caseledger.core.person.IdentityNumberCorrected;
import org.caseledger.core.person.IdentityProtected;
import org.caseledger.core.person.IdentityProtectionLifted;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_access}, {@code person_access}, {@code household_activity}, {@code case_person} and the households'
 * members and outreach ({@code household_member}, {@code household_membership}, {@code household_outreach}) from the
 * events (and, through {@link StaffIndex}, the staff registry's tables): the only code that derives them (rebuilt by
 * {@link AccessIndexReplay}). Its processor subscribes (see
 * application.yml), so it runs in the transaction that appends the events: the moment a case is transferred, the old
 * unit loses it and the new one has it. It also keeps what retention needs — each file's newest entry and the kinds
 * of intervention it names — so that no SQL reads the stored events.
 */
@Component
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
public class AccessIndex {

    public static final String PROCESSING_GROUP = "access";

    /** Why a person's day of birth is not known; once the person is erased it is forgotten, as the replay could not read it. */
    enum BirthDayUnknown { RESERVE_NUMBER, IDENTITY_NUMBER_UNREADABLE, ERASED }

    /** The tables this index consists of, emptied before a rebuild. */
    static final Set<String> TABLES = Set.of("case_access", "person_access", "household_activity", "case_person",
            "household_member", "household_membership", "household_outreach", "staff_member", "staff_membership");

    private final JdbcClient jdbc;

    AccessIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened event) {
        jdbc.sql("""
                INSERT INTO case_access (case_id, case_number, unit, assignee, child_id, household_id, last_entry_at, opened_at)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING
                """)
                .params(event.caseId().value(), event.caseNumber().value(), event.unit().value(), event.child().value(),
                        event.household().value(), at(event.envelope().recordedAt()), at(event.receivedAt()))
                .update();
        member(event.household(), event.child(), false);
    }

    @EventHandler
    void on(CaseAssigned event) {
        jdbc.sql("UPDATE case_access SET assignee = ? WHERE case_id = ?").params(event.assignee().value(), event.caseId().value()).update();
        entered(event);
    }

    @EventHandler
    void on(CaseTransferred event) {
        // A transfer ends the assignment (CaseTransferred): the old unit's worker keeps nothing of the case.
        jdbc.sql("UPDATE case_access SET unit = ?, assignee = NULL WHERE case_id = ?").params(event.toUnit().value(), event.caseId().value())
                .update();
        entered(event);
    }

    @EventHandler
    void on(InterventionOffered event) {
        named(event, event.type());
        entered(event);
    }

    @EventHandler
    void on(DecisionMade event) {
        if (event.interventionType() != null) {
            named(event, event.interventionType());
        }
        entered(event);
    }

    @EventHandler
    void on(ConsentGiven event) {
        jdbc.sql("INSERT INTO case_person (case_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.caseId().value(), event.person().value()).update();
        entered(event);
    }

    /** Every other entry of a case file: only its time counts, for retention. */
    @EventHandler
    void on(CaseEvent event) {
        entered(event);
    }

    @EventHandler
    void on(PersonRegistered event) {
        jdbc.sql("""
                INSERT INTO person_access (person_id, household_id, protected_identity, birth_day, birth_day_unknown, registered_unit,
                                           registered_by, last_entry_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO NOTHING
                """)
                .params(event.personId().value(), event.household() == null ? null : event.household().value(), event.protectedIdentity(),
                        event.birthDayOfMonth(), event.birthDayOfMonth() == null ? birthDayUnknown(event).name() : null,
                        event.envelope().unit().value(), event.envelope().actor().value(), at(event.envelope().recordedAt()))
                .update();
        if (event.household() != null) {
            member(event.household(), event.personId(), true);
        }
    }

    /** Access follows the protection from the moment it is recorded: every list and guard reads this row. */
    @EventHandler
    void on(IdentityProtected event) {
        protection(event.personId(), true, event.envelope().recordedAt());
    }

    @EventHandler
    void on(IdentityProtectionLifted event) {
        protection(event.personId(), false, event.envelope().recordedAt());
    }

    /** Retention decides by the day of birth, which a corrected number may change (or give, to a reserve number's person). */
    @EventHandler
    void on(IdentityNumberCorrected event) {
        jdbc.sql("UPDATE person_access SET birth_day = ?, birth_day_unknown = NULL, last_entry_at = greatest(last_entry_at, ?) "
                        + "WHERE person_id = ? AND NOT erased")
                .params(event.birthDayOfMonth(), at(event.envelope().recordedAt()), event.personId().value()).update();
    }

    private void protection(PersonId person, boolean protectedIdentity, Instant recordedAt) {
        jdbc.sql("UPDATE person_access SET protected_identity = ?, last_entry_at = greatest(last_entry_at, ?) WHERE person_id = ?")
                .params(protectedIdentity, at(recordedAt), person.value()).update();
    }

    @EventHandler
    void on(ErasureApproved event) {
        jdbc.sql("UPDATE person_access SET last_entry_at = greatest(last_entry_at, ?) WHERE person_id = ?")
                .params(at(event.envelope().recordedAt()), event.personId().value()).update();
    }

    @EventHandler
    void on(PersonErased event) {
        jdbc.sql("UPDATE person_access SET erased = true, birth_day = NULL, birth_day_unknown = ? WHERE person_id = ?")
                .params(BirthDayUnknown.ERASED.name(), event.personId().value()).update();
    }

    @EventHandler
    void on(ConversationWithoutAidHeld event) {
        householdEntered(event.household(), event.envelope().recordedAt());
        outreach(event.household(), event.activityId(), event.envelope().unit());
    }

    @EventHandler
    void on(ServiceSupportProvided event) {
        householdEntered(event.household(), event.envelope().recordedAt());
        outreach(event.household(), event.activityId(), event.envelope().unit());
    }

    /** From the moment a member joins, their protection protects the household's files, and its readers read them. */
    @EventHandler
    void on(HouseholdMemberJoined event, @SequenceNumber long sequenceNumber) {
        member(event.householdId(), event.person(), true);
        period(event, event.relation(), sequenceNumber);
    }

    @EventHandler
    void on(HouseholdRelationChanged event, @SequenceNumber long sequenceNumber) {
        periodEnds(event);
        period(event, event.relation(), sequenceNumber);
    }

    /**
     * A member who left stays in {@code household_member}: the household's files hold what was recorded while they lived
     * there, so their protection still protects them (ADR 0020).
     */
    @EventHandler
    void on(HouseholdMemberLeft event) {
        periodEnds(event);
    }

    private void member(HouseholdId household, PersonId person, boolean inFiles) {
        jdbc.sql("""
                INSERT INTO household_member (household_id, person_id, in_files) VALUES (?, ?, ?)
                ON CONFLICT (household_id, person_id) DO UPDATE SET in_files = household_member.in_files OR excluded.in_files
                """)
                .params(household.value(), person.value(), inFiles).update();
    }

    private void period(HouseholdEvent event, HouseholdRelation relation, long sequenceNumber) {
        jdbc.sql("""
                INSERT INTO household_membership (household_id, sequence_number, person_id, relation, from_at, from_recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
                .params(event.householdId().value(), sequenceNumber, event.person().value(), relation.name(),
                        at(event.envelope().occurredAt()), at(event.envelope().recordedAt()))
                .update();
    }

    private void periodEnds(HouseholdEvent event) {
        jdbc.sql("UPDATE household_membership SET to_at = ?, to_recorded_at = ? WHERE household_id = ? AND person_id = ? AND to_at IS NULL")
                .params(at(event.envelope().occurredAt()), at(event.envelope().recordedAt()), event.householdId().value(),
                        event.person().value())
                .update();
    }

    private void outreach(HouseholdId household, ActivityId activity, UnitId unit) {
        jdbc.sql("INSERT INTO household_outreach (household_id, activity_id, unit) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(household.value(), activity.value(), unit.value()).update();
    }

    /**
     * A registration without a day of birth: by a reserve number, which names none, or by an identity number recorded
     * before the registration kept its day in the clear (the index reads no personal data, so it cannot tell the day).
     * Either way retention cannot tell. The reserve number is only looked at for being there, never opened.
     */
    private static BirthDayUnknown birthDayUnknown(PersonRegistered event) {
        return event.reserveNumber() != null ? BirthDayUnknown.RESERVE_NUMBER : BirthDayUnknown.IDENTITY_NUMBER_UNREADABLE;
    }

    private void named(CaseEvent event, InterventionType kind) {
        jdbc.sql("UPDATE case_access SET intervention_kinds = array_append(intervention_kinds, ?::varchar) "
                        + "WHERE case_id = ? AND NOT (?::varchar = ANY(intervention_kinds))")
                .params(kind.name(), event.caseId().value(), kind.name()).update();
    }

    private void entered(CaseEvent event) {
        jdbc.sql("UPDATE case_access SET last_entry_at = greatest(last_entry_at, ?) WHERE case_id = ?")
                .params(at(event.envelope().recordedAt()), event.caseId().value()).update();
    }

    private void householdEntered(HouseholdId household, Instant at) {
        jdbc.sql("""
                INSERT INTO household_activity (household_id, last_entry_at) VALUES (?, ?)
                ON CONFLICT (household_id) DO UPDATE SET last_entry_at = greatest(household_activity.last_entry_at, excluded.last_entry_at)
                """)
                .params(household.value(), at(at)).update();
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
