package org.caseledger.core.cases;

import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;

/**
 * What the case knows of one intervention, from the first offer or decision to its end, and the rules of its life
 * cycle as named guards. It never changes: each event of the intervention gives the case the next one.
 * <p>
 * Each step is kept as a fact of its own rather than as one state, because the offer and the decision run side by
 * side (an intervention may be offered before or after it is granted, and support and service is started without a
 * grant), and because a stream recorded under earlier rules is folded to exactly the facts its events state.
 * <p>
 * Part of the case's snapshot: its components are read back through the canonical constructor, so a change of a
 * component's name, type or meaning needs a new revision of {@link Case}.
 */
record Intervention(InterventionId id, InterventionType type, boolean offered, boolean accepted, boolean declined,
                    boolean granted, boolean denied, boolean started, boolean ended) {

    /** An intervention the case has not yet offered nor decided on. */
    static Intervention named(InterventionId id, InterventionType type) {
        return new Intervention(id, type, false, false, false, false, false, false, false);
    }

    // --- the next state after each event: only the event-sourcing handlers of the case call these ---

    Intervention offer() {
        return new Intervention(id, type, true, accepted, declined, granted, denied, started, ended);
    }

    Intervention accept() {
        return new Intervention(id, type, offered, true, declined, granted, denied, started, ended);
    }

    Intervention decline() {
        return new Intervention(id, type, offered, accepted, true, granted, denied, started, ended);
    }

    Intervention grant() {
        return new Intervention(id, type, offered, accepted, declined, true, denied, started, ended);
    }

    Intervention deny() {
        return new Intervention(id, type, offered, accepted, declined, granted, true, started, ended);
    }

    Intervention start() {
        return new Intervention(id, type, offered, accepted, declined, granted, denied, true, ended);
    }

    Intervention end() {
        return new Intervention(id, type, offered, accepted, declined, granted, denied, started, true);
    }

    // --- guards: each names one rule and throws with its code ---

    void assertSameType(InterventionType asked) {
        if (type != asked) {
            throw violation(LedgerRule.INTERVENTION_TYPE_MISMATCH, "the intervention is of type " + type + ", not " + asked);
        }
    }

    /** Offering an intervention the case already knows: of its type, not denied, not offered before. */
    void assertMayBeOffered(InterventionType offeredType) {
        assertSameType(offeredType);
        if (denied) {
            throw violation(LedgerRule.INTERVENTION_DENIED, "the intervention was denied");
        }
        if (offered) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_OFFERED, "the intervention has already been offered");
        }
    }

    void assertNotYetDecided() {
        if (granted) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_GRANTED, "intervention " + id + " is already granted");
        }
        if (denied) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_DECIDED, "intervention " + id + " was already denied");
        }
    }

    void assertGranted() {
        if (!granted) {
            throw violation(LedgerRule.INTERVENTION_NOT_GRANTED, "intervention " + id + " has not been granted");
        }
    }

    void assertNotEnded() {
        if (ended) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_ENDED, "intervention " + id + " has already ended");
        }
    }

    void assertOfferAwaitingAnswer() {
        if (!offered) {
            throw violation(LedgerRule.INTERVENTION_NOT_OFFERED, "intervention " + id + " has not been offered");
        }
        if (accepted || declined) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_ANSWERED, "intervention " + id + " was already "
                    + (accepted ? "accepted" : "declined"));
        }
    }

    /** Support and service is started once accepted; every other intervention needs its grant first. */
    void assertReadyToStart() {
        if (denied) {
            throw violation(LedgerRule.INTERVENTION_DENIED, "intervention " + id + " was denied");
        }
        if (needsGrantToStart() && !granted) {
            throw violation(LedgerRule.INTERVENTION_NOT_GRANTED, "intervention " + id + " has not been granted");
        }
        if (!accepted) {
            throw violation(LedgerRule.INTERVENTION_NOT_ACCEPTED, "intervention " + id + " has not been accepted");
        }
        if (started) {
            throw violation(LedgerRule.INTERVENTION_ALREADY_STARTED, "intervention " + id + " has already started");
        }
    }

    private boolean needsGrantToStart() {
        return type != InterventionType.SERVICE_SUPPORT;
    }

    void assertRunning() {
        if (!started) {
            throw violation(LedgerRule.INTERVENTION_NOT_STARTED, "intervention " + id + " has not started");
        }
        assertNotEnded();
    }

    private static LedgerRuleViolation violation(LedgerRule rule, String detail) {
        return new LedgerRuleViolation(rule, detail);
    }
}
