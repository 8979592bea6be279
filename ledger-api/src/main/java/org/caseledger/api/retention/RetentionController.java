package org.caseledger.api.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.caseledger.api.privacy.Erasure;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention policy applied: what is due (a dry run the unit head reads first) and the run that erases it,
 * one person per transaction, reporting what it did. Files kept by the policy are listed with the reason.
 * <p>
 * A unit head sees and erases only the children all of whose case files their own unit holds; children with files
 * in other units as well are only counted, and are erased by the person erasure's procedure across units
 * (docs/privacy.md). Auditors see every unit's.
 */
@RestController
class RetentionController {

    /**
     * The dry run: due files, the files past the period that the policy keeps, and how many due children are also in
     * other units' files (neither shown nor erased here).
     */
    record Due(int years, List<RetentionQuery.Candidate> due, List<RetentionQuery.Candidate> kept, int dueInOtherUnits) {
    }

    /** One person erased by the run. */
    record Erased(UUID personId, List<String> caseNumbers, int dataKeysDestroyed) {
    }

    /** What the run did. */
    record Run(List<Erased> erased, int kept, int dueInOtherUnits) {
    }

    private final RetentionQuery query;
    private final RetentionProperties policy;
    private final Erasure erasure;
    private final Clock clock;

    RetentionController(RetentionQuery query, RetentionProperties policy, Erasure erasure, Clock clock) {
        this.query = query;
        this.policy = policy;
        this.erasure = erasure;
        this.clock = clock;
    }

    @GetMapping("/api/retention/due")
    Due due() {
        return due(CurrentStaff.get());
    }

    @PostMapping("/api/retention/run")
    Run run(CommandContext context) {
        Due due = due(CurrentStaff.get());
        List<Erased> erased = new ArrayList<>();
        for (RetentionQuery.Candidate candidate : due.due()) {
            String reason = "Retention: the last entry of case files " + String.join(", ", candidate.caseNumbers()) + " was made on "
                    + candidate.lastEntry() + ", more than " + policy.years() + " years ago";
            int destroyed = erasure.erase(PersonId.of(candidate.personId().toString()), reason, context.envelope(null)).size();
            erased.add(new Erased(candidate.personId(), candidate.caseNumbers(), destroyed));
        }
        return new Run(erased, due.kept().size(), due.dueInOtherUnits());
    }

    private Due due(StaffUser staff) {
        Predicate<RetentionQuery.Candidate> inScope = withinUnitOf(staff);
        List<RetentionQuery.Candidate> candidates = query.candidates(clock.instant());
        return new Due(policy.years(),
                candidates.stream().filter(candidate -> candidate.verdict() == RetentionQuery.Verdict.DUE).filter(inScope).toList(),
                candidates.stream().filter(candidate -> candidate.verdict() != RetentionQuery.Verdict.DUE).filter(inScope).toList(),
                (int) candidates.stream()
                        .filter(candidate -> candidate.verdict() == RetentionQuery.Verdict.DUE)
                        .filter(candidate -> !inScope.test(candidate) && candidate.units().contains(staff.unit().value()))
                        .count());
    }

    /** Auditors review every unit's retention; a unit head acts on the children whose files are all in their unit. */
    private static Predicate<RetentionQuery.Candidate> withinUnitOf(StaffUser staff) {
        if (staff.role() == Role.AUDITOR) {
            return candidate -> true;
        }
        return candidate -> candidate.units().equals(List.of(staff.unit().value()));
    }
}
