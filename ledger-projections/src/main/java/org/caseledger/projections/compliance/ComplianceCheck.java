package org.caseledger.projections.compliance;

import java.time.LocalDate;

/**
 * One application of a rule to one thing in a case.
 *
 * @param rule         the rule
 * @param unit         the unit the case belonged to when what is checked happened: the check counts there
 * @param subject      what it is about: a report, an investigation (its opening decision), a decision, a note…
 * @param referenceDay the day that puts the check in a period (see docs/metrics.md)
 * @param dueOn        the last day to meet it, or {@code null} where the rule has no deadline
 * @param metOn        the day it was met, or {@code null}
 * @param met          {@code true} met, {@code false} missed for good, {@code null} still open
 * @param detail       what a reader needs to judge it
 */
public record ComplianceCheck(ComplianceRule rule, String unit, String subject, LocalDate referenceDay, LocalDate dueOn, LocalDate metOn,
                              Boolean met, String detail) {

    /** Open checks whose last day has passed count as missed. */
    public String statusOn(LocalDate today) {
        if (met != null) {
            return met ? "MET" : "MISSED";
        }
        return dueOn != null && dueOn.isBefore(today) ? "OVERDUE" : "PENDING";
    }
}
