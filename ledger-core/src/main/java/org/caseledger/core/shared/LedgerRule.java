package org.caseledger.core.shared;

/**
 * The hard rules the ledger enforces, each with a stable code that clients and auditors can rely on.
 * The enum constant's name is the code; never rename one, add a new one instead.
 */
public enum LedgerRule {
    OCCURRED_IN_FUTURE("A fact cannot be recorded as having happened in the future."),
    CASE_CLOSED("A closed case takes no new facts."),
    REPORT_UNKNOWN("The report of concern is not part of this case."),
    PROTECTION_ALREADY_ASSESSED("The immediate need of protection has already been assessed for this report."),
    ALREADY_ASSIGNED("The case is already assigned to this case worker."),
    TRANSFER_TO_SAME_UNIT("A case can only be transferred to another unit."),
    INVESTIGATION_ALREADY_OPEN("An investigation is already open in this case."),
    INVESTIGATION_NOT_OPEN("No investigation is open in this case."),
    EXTENSION_NOT_LATER("An extension must move the deadline later."),
    BEFORE_CASE_RECEIVED("Only a contact or a journal note may be dated before the day the case was received; anything else happens in the case, from that day on."),
    NO_ASSESSMENT_PENDING("No report of concern in this case awaits the decision whether to investigate."),
    LEGAL_BASIS_UNKNOWN("The cited legal basis is not in the catalogue."),
    LEGAL_BASIS_NOT_IN_FORCE("The cited legal basis was not in force on the decision date."),
    LEGAL_BASIS_NOT_APPLICABLE("The cited legal basis does not apply to this kind of decision or disclosure."),
    DECISION_NOT_DELEGATED("The delegation order does not allow this role to make this kind of decision."),
    INVESTIGATION_REQUIRED_FOR_GRANT("Only support and service may be granted without an investigation."),
    INTERVENTION_UNKNOWN("The intervention is not part of this case."),
    INTERVENTION_TYPE_MISMATCH("The intervention type differs from the one already recorded for this intervention."),
    INTERVENTION_ALREADY_GRANTED("The intervention has already been granted."),
    INTERVENTION_ALREADY_DECIDED("The intervention has already been granted or denied."),
    INTERVENTION_NOT_GRANTED("The intervention has not been granted."),
    INTERVENTION_NOT_OFFERED("The intervention has not been offered."),
    INTERVENTION_ALREADY_OFFERED("The intervention has already been offered."),
    INTERVENTION_DENIED("The intervention was denied and cannot be offered or started."),
    INTERVENTION_ALREADY_ANSWERED("The family has already accepted or declined this offer."),
    INTERVENTION_NOT_ACCEPTED("The intervention has not been accepted."),
    INTERVENTION_ALREADY_STARTED("The intervention has already started."),
    INTERVENTION_NOT_STARTED("The intervention has not started."),
    INTERVENTION_ALREADY_ENDED("The intervention has already ended."),
    VISIT_NOT_BOOKED("No visit with this id was booked in this case."),
    VISIT_ALREADY_CONCLUDED("The visit already has an outcome (held, missed or cancelled)."),
    NOTE_UNKNOWN("A correction must point at an existing journal note of this case."),
    CONSENT_UNKNOWN("The consent is not part of this case."),
    CONSENT_ALREADY_WITHDRAWN("The consent has already been withdrawn."),
    DISCLOSURE_WITHOUT_VALID_BASIS("A disclosure needs a consent valid at that moment or a legal provision in force."),
    DUPLICATE_ID("This id has already been used in this case."),
    PERSON_ALREADY_REGISTERED("A person with this id, or with this identity number, is already registered."),
    STAFF_ALREADY_REGISTERED("A member of staff with this id is already in the staff registry."),
    STAFF_MEMBERSHIP_ENDED("The member of staff has left; their entry takes no changes."),
    STAFF_DATE_BEFORE_CURRENT("A change or an end of a membership cannot lie before the first day of the membership in force."),
    STAFF_CHANGE_CHANGES_NOTHING("The member of staff already works in this unit and role."),
    STAFF_NOT_ACTIVE("The member of staff named is not in the staff registry as working in the case's unit, in a case-working role, on that day."),
    ACTOR_NOT_ACTIVE_STAFF("You are not in the staff registry as working in this unit and role on the day the fact happened."),
    PERSON_ERASED("The person has been erased."),
    PERSON_NOT_REGISTERED("The person named is not registered: register them first."),
    IDENTITY_PROTECTION_UNCHANGED("The person's identity is already protected, or already not protected."),
    CORRECTION_CHANGES_NOTHING("The correction gives the value the person already has."),
    ERASURE_NOT_APPROVED("Another unit holding the person's case files has not approved the erasure."),
    // households
    ALREADY_A_HOUSEHOLD_MEMBER("The person is already a member of this household."),
    NOT_A_HOUSEHOLD_MEMBER("The person is not a member of this household: add them first."),
    HOUSEHOLD_RELATION_UNCHANGED("The member already has this relation to the household's children."),
    HOUSEHOLD_CHANGE_OUT_OF_ORDER("A change of a member's membership cannot be dated before the member's previous change.");

    private final String description;

    LedgerRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
