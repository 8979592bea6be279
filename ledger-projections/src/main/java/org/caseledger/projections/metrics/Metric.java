package org.caseledger.projections.metrics;

/**
 * The facts the evaluation metrics count, and how a period's facts become a figure. Each is defined in
 * docs/metrics.md: which events count and which day puts them in a period.
 */
public enum Metric {
    REPORTS_OF_CONCERN(Aggregate.COUNT),
    REPORTS_LEADING_TO_INVESTIGATION(Aggregate.COUNT),
    INVESTIGATIONS_OPENED(Aggregate.COUNT),
    INTERVENTIONS_GRANTED(Aggregate.COUNT),
    HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT(Aggregate.DISTINCT_SUBJECTS),
    HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT(Aggregate.DISTINCT_SUBJECTS),
    /** An accepted voluntary offer dated by the day of its offer: the acceptance rate's cohort reads it with the offer. */
    VOLUNTARY_OFFERS_ACCEPTED(Aggregate.NONE),
    VISITS_BOOKED(Aggregate.COUNT),
    VISITS_HELD(Aggregate.COUNT),
    VISITS_MISSED(Aggregate.COUNT),
    /** Cancelled visits, by who cancelled them: the share of visits not held counts the family's. */
    VISITS_CANCELLED(Aggregate.COUNT),
    COLLABORATION_CONTACTS(Aggregate.COUNT),
    DAYS_FROM_FIRST_CONTACT_TO_SUPPORT(Aggregate.MEDIAN),
    /** The same days by the path to support: to the first service support, given without an investigation. */
    DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT(Aggregate.MEDIAN),
    /** The same days by the path to support: to the first intervention granted after an investigation. */
    DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION(Aggregate.MEDIAN),
    CONVERSATIONS_WITHOUT_AID(Aggregate.COUNT),
    SERVICE_SUPPORT_GIVEN(Aggregate.COUNT),
    INFORMATION_MEETINGS(Aggregate.COUNT),
    INFORMATION_MEETING_PARTICIPANTS(Aggregate.SUM),
    ANONYMOUS_CONSULTATIONS(Aggregate.COUNT);

    /** How the facts of one period become one figure; {@code NONE}: no figure alone, only read with the facts they refer to. */
    public enum Aggregate { COUNT, DISTINCT_SUBJECTS, SUM, MEDIAN, NONE }

    private final Aggregate aggregate;

    Metric(Aggregate aggregate) {
        this.aggregate = aggregate;
    }

    public Aggregate aggregate() {
        return aggregate;
    }
}
