package org.caseledger.core.household;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.PersonId;

/**
 * A household's members and their relation to its children, over time. A household is referred to long before anyone
 * forms it (a case names its child's household, outreach names the household it met): its stream begins with the
 * first member added, and until then it has no members of its own. The children of its cases and the persons
 * registered into it belong to it without an event of this stream (ADR 0020); the rules here are about the members
 * this stream records.
 */
public class Household {

    @AggregateIdentifier
    private HouseholdId householdId;
    /** The members now, by their relation. */
    private final Map<PersonId, HouseholdRelation> members = new HashMap<>();
    /** When each person's membership last changed, as the facts say it happened. */
    private final Map<PersonId, Instant> lastChange = new HashMap<>();

    protected Household() {
        // required by Axon to rebuild the aggregate from its events, and to form a household on its first member
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddHouseholdMember command) {
        assertNotAMember(command.person());
        assertAfterPreviousChange(command.person(), command.envelope().occurredAt());
        apply(new HouseholdMemberJoined(command.householdId(), command.person(), command.relation(), command.envelope()));
    }

    /** Created if missing like the others: a household nobody formed has no recorded member, which the rule then says. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeHouseholdRelation command) {
        assertAMember(command.person());
        assertRelationChanges(command.person(), command.relation());
        assertAfterPreviousChange(command.person(), command.envelope().occurredAt());
        apply(new HouseholdRelationChanged(command.householdId(), command.person(), command.relation(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveHouseholdMember command) {
        assertAMember(command.person());
        assertAfterPreviousChange(command.person(), command.envelope().occurredAt());
        apply(new HouseholdMemberLeft(command.householdId(), command.person(), command.envelope()));
    }

    private void assertNotAMember(PersonId person) {
        if (members.containsKey(person)) {
            throw new LedgerRuleViolation(LedgerRule.ALREADY_A_HOUSEHOLD_MEMBER, "person " + person + " is already a member of household "
                    + householdId, person);
        }
    }

    private void assertAMember(PersonId person) {
        if (!members.containsKey(person)) {
            throw new LedgerRuleViolation(LedgerRule.NOT_A_HOUSEHOLD_MEMBER, "person " + person + " is not a recorded member of the household", person);
        }
    }

    private void assertRelationChanges(PersonId person, HouseholdRelation relation) {
        if (members.get(person) == relation) {
            throw new LedgerRuleViolation(LedgerRule.HOUSEHOLD_RELATION_UNCHANGED, "person " + person + " already has the relation "
                    + relation, relation);
        }
    }

    /**
     * A member's periods follow one another: a change dated before the member's previous one would make a period end
     * before it began. History is recorded forwards; a fact recorded late is dated when it happened, after the last.
     */
    private void assertAfterPreviousChange(PersonId person, Instant occurredAt) {
        Instant previous = lastChange.get(person);
        if (previous != null && occurredAt.isBefore(previous)) {
            throw new LedgerRuleViolation(LedgerRule.HOUSEHOLD_CHANGE_OUT_OF_ORDER, "the change is dated " + occurredAt
                    + ", before the member's previous change at " + previous, occurredAt, previous);
        }
    }

    @EventSourcingHandler
    void on(HouseholdMemberJoined event) {
        householdId = event.householdId();
        members.put(event.person(), event.relation());
        lastChange.put(event.person(), event.envelope().occurredAt());
    }

    @EventSourcingHandler
    void on(HouseholdRelationChanged event) {
        householdId = event.householdId();
        members.put(event.person(), event.relation());
        lastChange.put(event.person(), event.envelope().occurredAt());
    }

    @EventSourcingHandler
    void on(HouseholdMemberLeft event) {
        householdId = event.householdId();
        members.remove(event.person());
        lastChange.put(event.person(), event.envelope().occurredAt());
    }
}
